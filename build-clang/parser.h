/* A Bison parser, made by GNU Bison 3.8.2.  */

/* Bison interface for Yacc-like parsers in C

   Copyright (C) 1984, 1989-1990, 2000-2015, 2018-2021 Free Software Foundation,
   Inc.

   This program is free software: you can redistribute it and/or modify
   it under the terms of the GNU General Public License as published by
   the Free Software Foundation, either version 3 of the License, or
   (at your option) any later version.

   This program is distributed in the hope that it will be useful,
   but WITHOUT ANY WARRANTY; without even the implied warranty of
   MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.  See the
   GNU General Public License for more details.

   You should have received a copy of the GNU General Public License
   along with this program.  If not, see <https://www.gnu.org/licenses/>.  */

/* As a special exception, you may create a larger work that contains
   part or all of the Bison parser skeleton and distribute that work
   under terms of your choice, so long as that work isn't itself a
   parser generator using the skeleton or a modified version thereof
   as a parser skeleton.  Alternatively, if you modify or redistribute
   the parser skeleton itself, you may (at your option) remove this
   special exception, which will cause the skeleton and the resulting
   Bison output files to be licensed under the GNU General Public
   License without this special exception.

   This special exception was added by the Free Software Foundation in
   version 2.2 of Bison.  */

/* DO NOT RELY ON FEATURES THAT ARE NOT DOCUMENTED in the manual,
   especially those whose name start with YY_ or yy_.  They are
   private implementation details that can be changed or removed.  */

#ifndef YY_YY_BUILD_CLANG_PARSER_H_INCLUDED
# define YY_YY_BUILD_CLANG_PARSER_H_INCLUDED
/* Debug traces.  */
#ifndef YYDEBUG
# define YYDEBUG 0
#endif
#if YYDEBUG
extern int yydebug;
#endif
/* "%code requires" blocks.  */
#line 12 "grammar/parser.y"

#include "parse.h"

#line 53 "build-clang/parser.h"

/* Token kinds.  */
#ifndef YYTOKENTYPE
# define YYTOKENTYPE
  enum yytokentype
  {
    YYEMPTY = -2,
    YYEOF = 0,                     /* "end of file"  */
    YYerror = 256,                 /* error  */
    YYUNDEF = 257,                 /* "invalid token"  */
    NAME = 258,                    /* "name"  */
    STRING = 259,                  /* "string"  */
    FIGURE = 260,                  /* "figure"  */
    DATE = 261,                    /* "date"  */
    IMPORT = 262,                  /* "'import'"  */
    REPORT = 263,                  /* "'report'"  */
    ALLOCATION = 264,              /* "'allocation'"  */
    PARAM = 265,                   /* "'param'"  */
    CHECK = 266,                   /* "'check'"  */
    SECTION = 267,                 /* "'section'"  */
    NOTE = 268,                    /* "'note'"  */
    UNIT = 269,                    /* "'unit'"  */
    BY = 270,                      /* "'by'"  */
    FROM = 271,                    /* "'from'"  */
    SOURCE = 272,                  /* "'source'"  */
    ERROR_WORD = 273,              /* "'error'"  */
    WARNING_WORD = 274,            /* "'warning'"  */
    ELSE = 275,                    /* "'else'"  */
    WHERE = 276,                   /* "'where'"  */
    AND = 277,                     /* "'and'"  */
    OR = 278,                      /* "'or'"  */
    NOT = 279,                     /* "'not'"  */
    LOCAL = 280,                   /* "'local'"  */
    REQUIRE = 281,                 /* "'require'"  */
    AS = 282,                      /* "'as'"  */
    BLANK_ZERO = 283,              /* "'blank zero'"  */
    UNTIL = 284,                   /* "'until'"  */
    ABSENT = 285,                  /* "'absent'"  */
    EQ = 286,                      /* "'=='"  */
    NE = 287,                      /* "'!='"  */
    LE = 288,                      /* "'<='"  */
    GE = 289,                      /* "'>='"  */
    LT = 290,                      /* "'<'"  */
    GT = 291,                      /* "'>'"  */
    UMINUS = 292                   /* UMINUS  */
  };
  typedef enum yytokentype yytoken_kind_t;
#endif

/* Value type.  */
#if ! defined YYSTYPE && ! defined YYSTYPE_IS_DECLARED
union YYSTYPE
{
#line 36 "grammar/parser.y"

    const char *name;
    const char *string;
    FigureTok figure;
    SignedFig signed_figure;
    int32_t date;
    int number;
    PtrVec *list;
    Expr *expr;
    Table *table;
    Column *column;
    Cell cell;
    Allocation *alloc;
    AllocGroup *group;
    AllocMember *member;
    Param *param;
    ReportEntry *entry;

#line 126 "build-clang/parser.h"

};
typedef union YYSTYPE YYSTYPE;
# define YYSTYPE_IS_TRIVIAL 1
# define YYSTYPE_IS_DECLARED 1
#endif

/* Location type.  */
typedef Span YYLTYPE;




int yyparse (void *scanner, Parser *p);

/* "%code provides" blocks.  */
#line 16 "grammar/parser.y"

int yylex(YYSTYPE *lval, YYLTYPE *lloc, void *scanner);
void yyerror(YYLTYPE *loc, void *scanner, Parser *p, const char *message);

#line 148 "build-clang/parser.h"

#endif /* !YY_YY_BUILD_CLANG_PARSER_H_INCLUDED  */
