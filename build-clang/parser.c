/* A Bison parser, made by GNU Bison 3.8.2.  */

/* Bison implementation for Yacc-like parsers in C

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

/* C LALR(1) parser skeleton written by Richard Stallman, by
   simplifying the original so-called "semantic" parser.  */

/* DO NOT RELY ON FEATURES THAT ARE NOT DOCUMENTED in the manual,
   especially those whose name start with YY_ or yy_.  They are
   private implementation details that can be changed or removed.  */

/* All symbols defined below should begin with yy or YY, to avoid
   infringing on user name space.  This should be done even for local
   variables, as they might otherwise be expanded by user macros.
   There are some unavoidable exceptions within include files to
   define necessary library symbols; they are noted "INFRINGES ON
   USER NAME SPACE" below.  */

/* Identify Bison output, and Bison version.  */
#define YYBISON 30802

/* Bison version string.  */
#define YYBISON_VERSION "3.8.2"

/* Skeleton name.  */
#define YYSKELETON_NAME "yacc.c"

/* Pure parsers.  */
#define YYPURE 2

/* Push parsers.  */
#define YYPUSH 0

/* Pull parsers.  */
#define YYPULL 1





# ifndef YY_CAST
#  ifdef __cplusplus
#   define YY_CAST(Type, Val) static_cast<Type> (Val)
#   define YY_REINTERPRET_CAST(Type, Val) reinterpret_cast<Type> (Val)
#  else
#   define YY_CAST(Type, Val) ((Type) (Val))
#   define YY_REINTERPRET_CAST(Type, Val) ((Type) (Val))
#  endif
# endif
# ifndef YY_NULLPTR
#  if defined __cplusplus
#   if 201103L <= __cplusplus
#    define YY_NULLPTR nullptr
#   else
#    define YY_NULLPTR 0
#   endif
#  else
#   define YY_NULLPTR ((void*)0)
#  endif
# endif

#include "parser.h"
/* Symbol kind.  */
enum yysymbol_kind_t
{
  YYSYMBOL_YYEMPTY = -2,
  YYSYMBOL_YYEOF = 0,                      /* "end of file"  */
  YYSYMBOL_YYerror = 1,                    /* error  */
  YYSYMBOL_YYUNDEF = 2,                    /* "invalid token"  */
  YYSYMBOL_NAME = 3,                       /* "name"  */
  YYSYMBOL_STRING = 4,                     /* "string"  */
  YYSYMBOL_FIGURE = 5,                     /* "figure"  */
  YYSYMBOL_DATE = 6,                       /* "date"  */
  YYSYMBOL_IMPORT = 7,                     /* "'import'"  */
  YYSYMBOL_REPORT = 8,                     /* "'report'"  */
  YYSYMBOL_ALLOCATION = 9,                 /* "'allocation'"  */
  YYSYMBOL_PARAM = 10,                     /* "'param'"  */
  YYSYMBOL_CHECK = 11,                     /* "'check'"  */
  YYSYMBOL_SECTION = 12,                   /* "'section'"  */
  YYSYMBOL_NOTE = 13,                      /* "'note'"  */
  YYSYMBOL_UNIT = 14,                      /* "'unit'"  */
  YYSYMBOL_BY = 15,                        /* "'by'"  */
  YYSYMBOL_FROM = 16,                      /* "'from'"  */
  YYSYMBOL_SOURCE = 17,                    /* "'source'"  */
  YYSYMBOL_ERROR_WORD = 18,                /* "'error'"  */
  YYSYMBOL_WARNING_WORD = 19,              /* "'warning'"  */
  YYSYMBOL_ELSE = 20,                      /* "'else'"  */
  YYSYMBOL_WHERE = 21,                     /* "'where'"  */
  YYSYMBOL_AND = 22,                       /* "'and'"  */
  YYSYMBOL_OR = 23,                        /* "'or'"  */
  YYSYMBOL_NOT = 24,                       /* "'not'"  */
  YYSYMBOL_LOCAL = 25,                     /* "'local'"  */
  YYSYMBOL_REQUIRE = 26,                   /* "'require'"  */
  YYSYMBOL_AS = 27,                        /* "'as'"  */
  YYSYMBOL_BLANK_ZERO = 28,                /* "'blank zero'"  */
  YYSYMBOL_UNTIL = 29,                     /* "'until'"  */
  YYSYMBOL_ABSENT = 30,                    /* "'absent'"  */
  YYSYMBOL_EQ = 31,                        /* "'=='"  */
  YYSYMBOL_NE = 32,                        /* "'!='"  */
  YYSYMBOL_LE = 33,                        /* "'<='"  */
  YYSYMBOL_GE = 34,                        /* "'>='"  */
  YYSYMBOL_LT = 35,                        /* "'<'"  */
  YYSYMBOL_GT = 36,                        /* "'>'"  */
  YYSYMBOL_37_ = 37,                       /* '+'  */
  YYSYMBOL_38_ = 38,                       /* '-'  */
  YYSYMBOL_39_ = 39,                       /* '*'  */
  YYSYMBOL_40_ = 40,                       /* '/'  */
  YYSYMBOL_UMINUS = 41,                    /* UMINUS  */
  YYSYMBOL_42_ = 42,                       /* '{'  */
  YYSYMBOL_43_ = 43,                       /* '}'  */
  YYSYMBOL_44_ = 44,                       /* '('  */
  YYSYMBOL_45_ = 45,                       /* ')'  */
  YYSYMBOL_46_ = 46,                       /* '%'  */
  YYSYMBOL_47_ = 47,                       /* ','  */
  YYSYMBOL_48_ = 48,                       /* '|'  */
  YYSYMBOL_49_ = 49,                       /* '?'  */
  YYSYMBOL_50_ = 50,                       /* '.'  */
  YYSYMBOL_51_ = 51,                       /* '='  */
  YYSYMBOL_52_ = 52,                       /* ':'  */
  YYSYMBOL_53_ = 53,                       /* '['  */
  YYSYMBOL_54_ = 54,                       /* ']'  */
  YYSYMBOL_YYACCEPT = 55,                  /* $accept  */
  YYSYMBOL_file = 56,                      /* file  */
  YYSYMBOL_decl = 57,                      /* decl  */
  YYSYMBOL_report_entries = 58,            /* report_entries  */
  YYSYMBOL_report_entry = 59,              /* report_entry  */
  YYSYMBOL_table = 60,                     /* table  */
  YYSYMBOL_table_kind = 61,                /* table_kind  */
  YYSYMBOL_table_head = 62,                /* table_head  */
  YYSYMBOL_columns = 63,                   /* columns  */
  YYSYMBOL_column = 64,                    /* column  */
  YYSYMBOL_items = 65,                     /* items  */
  YYSYMBOL_item = 66,                      /* item  */
  YYSYMBOL_section = 67,                   /* section  */
  YYSYMBOL_68_1 = 68,                      /* $@1  */
  YYSYMBOL_row = 69,                       /* row  */
  YYSYMBOL_cells = 70,                     /* cells  */
  YYSYMBOL_cell = 71,                      /* cell  */
  YYSYMBOL_signed_figure = 72,             /* signed_figure  */
  YYSYMBOL_printed_figure = 73,            /* printed_figure  */
  YYSYMBOL_opt_percent = 74,               /* opt_percent  */
  YYSYMBOL_allocation = 75,                /* allocation  */
  YYSYMBOL_alloc_head = 76,                /* alloc_head  */
  YYSYMBOL_groups = 77,                    /* groups  */
  YYSYMBOL_group = 78,                     /* group  */
  YYSYMBOL_members = 79,                   /* members  */
  YYSYMBOL_member = 80,                    /* member  */
  YYSYMBOL_param = 81,                     /* param  */
  YYSYMBOL_param_head = 82,                /* param_head  */
  YYSYMBOL_opt_local = 83,                 /* opt_local  */
  YYSYMBOL_requirements = 84,              /* requirements  */
  YYSYMBOL_opt_unit_word = 85,             /* opt_unit_word  */
  YYSYMBOL_check = 86,                     /* check  */
  YYSYMBOL_check_dates = 87,               /* check_dates  */
  YYSYMBOL_opt_severity = 88,              /* opt_severity  */
  YYSYMBOL_opt_source = 89,                /* opt_source  */
  YYSYMBOL_opt_else = 90,                  /* opt_else  */
  YYSYMBOL_opt_string = 91,                /* opt_string  */
  YYSYMBOL_opt_name = 92,                  /* opt_name  */
  YYSYMBOL_opt_formula = 93,               /* opt_formula  */
  YYSYMBOL_expr = 94,                      /* expr  */
  YYSYMBOL_primary = 95,                   /* primary  */
  YYSYMBOL_ref = 96,                       /* ref  */
  YYSYMBOL_args = 97,                      /* args  */
  YYSYMBOL_arglist = 98,                   /* arglist  */
  YYSYMBOL_arg = 99                        /* arg  */
};
typedef enum yysymbol_kind_t yysymbol_kind_t;



/* Unqualified %code blocks.  */
#line 21 "grammar/parser.y"

#include <string.h>

#define YYLLOC_DEFAULT(Cur, Rhs, N)                                    \
    do {                                                                 \
        if (N) {                                                         \
            (Cur).start = YYRHSLOC(Rhs, 1).start;                        \
            (Cur).end = YYRHSLOC(Rhs, N).end;                            \
        } else {                                                         \
            (Cur).start = (Cur).end = YYRHSLOC(Rhs, 0).end;              \
        }                                                                \
    } while (0)
static const Span NO_SPAN = {0, 0};

#line 218 "build-clang/parser.c"

#ifdef short
# undef short
#endif

/* On compilers that do not define __PTRDIFF_MAX__ etc., make sure
   <limits.h> and (if available) <stdint.h> are included
   so that the code can choose integer types of a good width.  */

#ifndef __PTRDIFF_MAX__
# include <limits.h> /* INFRINGES ON USER NAME SPACE */
# if defined __STDC_VERSION__ && 199901 <= __STDC_VERSION__
#  include <stdint.h> /* INFRINGES ON USER NAME SPACE */
#  define YY_STDINT_H
# endif
#endif

/* Narrow types that promote to a signed type and that can represent a
   signed or unsigned integer of at least N bits.  In tables they can
   save space and decrease cache pressure.  Promoting to a signed type
   helps avoid bugs in integer arithmetic.  */

#ifdef __INT_LEAST8_MAX__
typedef __INT_LEAST8_TYPE__ yytype_int8;
#elif defined YY_STDINT_H
typedef int_least8_t yytype_int8;
#else
typedef signed char yytype_int8;
#endif

#ifdef __INT_LEAST16_MAX__
typedef __INT_LEAST16_TYPE__ yytype_int16;
#elif defined YY_STDINT_H
typedef int_least16_t yytype_int16;
#else
typedef short yytype_int16;
#endif

/* Work around bug in HP-UX 11.23, which defines these macros
   incorrectly for preprocessor constants.  This workaround can likely
   be removed in 2023, as HPE has promised support for HP-UX 11.23
   (aka HP-UX 11i v2) only through the end of 2022; see Table 2 of
   <https://h20195.www2.hpe.com/V2/getpdf.aspx/4AA4-7673ENW.pdf>.  */
#ifdef __hpux
# undef UINT_LEAST8_MAX
# undef UINT_LEAST16_MAX
# define UINT_LEAST8_MAX 255
# define UINT_LEAST16_MAX 65535
#endif

#if defined __UINT_LEAST8_MAX__ && __UINT_LEAST8_MAX__ <= __INT_MAX__
typedef __UINT_LEAST8_TYPE__ yytype_uint8;
#elif (!defined __UINT_LEAST8_MAX__ && defined YY_STDINT_H \
       && UINT_LEAST8_MAX <= INT_MAX)
typedef uint_least8_t yytype_uint8;
#elif !defined __UINT_LEAST8_MAX__ && UCHAR_MAX <= INT_MAX
typedef unsigned char yytype_uint8;
#else
typedef short yytype_uint8;
#endif

#if defined __UINT_LEAST16_MAX__ && __UINT_LEAST16_MAX__ <= __INT_MAX__
typedef __UINT_LEAST16_TYPE__ yytype_uint16;
#elif (!defined __UINT_LEAST16_MAX__ && defined YY_STDINT_H \
       && UINT_LEAST16_MAX <= INT_MAX)
typedef uint_least16_t yytype_uint16;
#elif !defined __UINT_LEAST16_MAX__ && USHRT_MAX <= INT_MAX
typedef unsigned short yytype_uint16;
#else
typedef int yytype_uint16;
#endif

#ifndef YYPTRDIFF_T
# if defined __PTRDIFF_TYPE__ && defined __PTRDIFF_MAX__
#  define YYPTRDIFF_T __PTRDIFF_TYPE__
#  define YYPTRDIFF_MAXIMUM __PTRDIFF_MAX__
# elif defined PTRDIFF_MAX
#  ifndef ptrdiff_t
#   include <stddef.h> /* INFRINGES ON USER NAME SPACE */
#  endif
#  define YYPTRDIFF_T ptrdiff_t
#  define YYPTRDIFF_MAXIMUM PTRDIFF_MAX
# else
#  define YYPTRDIFF_T long
#  define YYPTRDIFF_MAXIMUM LONG_MAX
# endif
#endif

#ifndef YYSIZE_T
# ifdef __SIZE_TYPE__
#  define YYSIZE_T __SIZE_TYPE__
# elif defined size_t
#  define YYSIZE_T size_t
# elif defined __STDC_VERSION__ && 199901 <= __STDC_VERSION__
#  include <stddef.h> /* INFRINGES ON USER NAME SPACE */
#  define YYSIZE_T size_t
# else
#  define YYSIZE_T unsigned
# endif
#endif

#define YYSIZE_MAXIMUM                                  \
  YY_CAST (YYPTRDIFF_T,                                 \
           (YYPTRDIFF_MAXIMUM < YY_CAST (YYSIZE_T, -1)  \
            ? YYPTRDIFF_MAXIMUM                         \
            : YY_CAST (YYSIZE_T, -1)))

#define YYSIZEOF(X) YY_CAST (YYPTRDIFF_T, sizeof (X))


/* Stored state numbers (used for stacks). */
typedef yytype_uint8 yy_state_t;

/* State numbers in computations.  */
typedef int yy_state_fast_t;

#ifndef YY_
# if defined YYENABLE_NLS && YYENABLE_NLS
#  if ENABLE_NLS
#   include <libintl.h> /* INFRINGES ON USER NAME SPACE */
#   define YY_(Msgid) dgettext ("bison-runtime", Msgid)
#  endif
# endif
# ifndef YY_
#  define YY_(Msgid) Msgid
# endif
#endif


#ifndef YY_ATTRIBUTE_PURE
# if defined __GNUC__ && 2 < __GNUC__ + (96 <= __GNUC_MINOR__)
#  define YY_ATTRIBUTE_PURE __attribute__ ((__pure__))
# else
#  define YY_ATTRIBUTE_PURE
# endif
#endif

#ifndef YY_ATTRIBUTE_UNUSED
# if defined __GNUC__ && 2 < __GNUC__ + (7 <= __GNUC_MINOR__)
#  define YY_ATTRIBUTE_UNUSED __attribute__ ((__unused__))
# else
#  define YY_ATTRIBUTE_UNUSED
# endif
#endif

/* Suppress unused-variable warnings by "using" E.  */
#if ! defined lint || defined __GNUC__
# define YY_USE(E) ((void) (E))
#else
# define YY_USE(E) /* empty */
#endif

/* Suppress an incorrect diagnostic about yylval being uninitialized.  */
#if defined __GNUC__ && ! defined __ICC && 406 <= __GNUC__ * 100 + __GNUC_MINOR__
# if __GNUC__ * 100 + __GNUC_MINOR__ < 407
#  define YY_IGNORE_MAYBE_UNINITIALIZED_BEGIN                           \
    _Pragma ("GCC diagnostic push")                                     \
    _Pragma ("GCC diagnostic ignored \"-Wuninitialized\"")
# else
#  define YY_IGNORE_MAYBE_UNINITIALIZED_BEGIN                           \
    _Pragma ("GCC diagnostic push")                                     \
    _Pragma ("GCC diagnostic ignored \"-Wuninitialized\"")              \
    _Pragma ("GCC diagnostic ignored \"-Wmaybe-uninitialized\"")
# endif
# define YY_IGNORE_MAYBE_UNINITIALIZED_END      \
    _Pragma ("GCC diagnostic pop")
#else
# define YY_INITIAL_VALUE(Value) Value
#endif
#ifndef YY_IGNORE_MAYBE_UNINITIALIZED_BEGIN
# define YY_IGNORE_MAYBE_UNINITIALIZED_BEGIN
# define YY_IGNORE_MAYBE_UNINITIALIZED_END
#endif
#ifndef YY_INITIAL_VALUE
# define YY_INITIAL_VALUE(Value) /* Nothing. */
#endif

#if defined __cplusplus && defined __GNUC__ && ! defined __ICC && 6 <= __GNUC__
# define YY_IGNORE_USELESS_CAST_BEGIN                          \
    _Pragma ("GCC diagnostic push")                            \
    _Pragma ("GCC diagnostic ignored \"-Wuseless-cast\"")
# define YY_IGNORE_USELESS_CAST_END            \
    _Pragma ("GCC diagnostic pop")
#endif
#ifndef YY_IGNORE_USELESS_CAST_BEGIN
# define YY_IGNORE_USELESS_CAST_BEGIN
# define YY_IGNORE_USELESS_CAST_END
#endif


#define YY_ASSERT(E) ((void) (0 && (E)))

#if 1

/* The parser invokes alloca or malloc; define the necessary symbols.  */

# ifdef YYSTACK_ALLOC
   /* Pacify GCC's 'empty if-body' warning.  */
#  define YYSTACK_FREE(Ptr) do { /* empty */; } while (0)
#  ifndef YYSTACK_ALLOC_MAXIMUM
    /* The OS might guarantee only one guard page at the bottom of the stack,
       and a page size can be as small as 4096 bytes.  So we cannot safely
       invoke alloca (N) if N exceeds 4096.  Use a slightly smaller number
       to allow for a few compiler-allocated temporary stack slots.  */
#   define YYSTACK_ALLOC_MAXIMUM 4032 /* reasonable circa 2006 */
#  endif
# else
#  define YYSTACK_ALLOC YYMALLOC
#  define YYSTACK_FREE YYFREE
#  ifndef YYSTACK_ALLOC_MAXIMUM
#   define YYSTACK_ALLOC_MAXIMUM YYSIZE_MAXIMUM
#  endif
#  if (defined __cplusplus && ! defined EXIT_SUCCESS \
       && ! ((defined YYMALLOC || defined malloc) \
             && (defined YYFREE || defined free)))
#   include <stdlib.h> /* INFRINGES ON USER NAME SPACE */
#   ifndef EXIT_SUCCESS
#    define EXIT_SUCCESS 0
#   endif
#  endif
#  ifndef YYMALLOC
#   define YYMALLOC malloc
#   if ! defined malloc && ! defined EXIT_SUCCESS
void *malloc (YYSIZE_T); /* INFRINGES ON USER NAME SPACE */
#   endif
#  endif
#  ifndef YYFREE
#   define YYFREE free
#   if ! defined free && ! defined EXIT_SUCCESS
void free (void *); /* INFRINGES ON USER NAME SPACE */
#   endif
#  endif
# endif
# define YYCOPY_NEEDED 1
#endif /* 1 */

#if (! defined yyoverflow \
     && (! defined __cplusplus \
         || (defined YYLTYPE_IS_TRIVIAL && YYLTYPE_IS_TRIVIAL \
             && defined YYSTYPE_IS_TRIVIAL && YYSTYPE_IS_TRIVIAL)))

/* A type that is properly aligned for any stack member.  */
union yyalloc
{
  yy_state_t yyss_alloc;
  YYSTYPE yyvs_alloc;
  YYLTYPE yyls_alloc;
};

/* The size of the maximum gap between one aligned stack and the next.  */
# define YYSTACK_GAP_MAXIMUM (YYSIZEOF (union yyalloc) - 1)

/* The size of an array large to enough to hold all stacks, each with
   N elements.  */
# define YYSTACK_BYTES(N) \
     ((N) * (YYSIZEOF (yy_state_t) + YYSIZEOF (YYSTYPE) \
             + YYSIZEOF (YYLTYPE)) \
      + 2 * YYSTACK_GAP_MAXIMUM)

# define YYCOPY_NEEDED 1

/* Relocate STACK from its old location to the new one.  The
   local variables YYSIZE and YYSTACKSIZE give the old and new number of
   elements in the stack, and YYPTR gives the new location of the
   stack.  Advance YYPTR to a properly aligned location for the next
   stack.  */
# define YYSTACK_RELOCATE(Stack_alloc, Stack)                           \
    do                                                                  \
      {                                                                 \
        YYPTRDIFF_T yynewbytes;                                         \
        YYCOPY (&yyptr->Stack_alloc, Stack, yysize);                    \
        Stack = &yyptr->Stack_alloc;                                    \
        yynewbytes = yystacksize * YYSIZEOF (*Stack) + YYSTACK_GAP_MAXIMUM; \
        yyptr += yynewbytes / YYSIZEOF (*yyptr);                        \
      }                                                                 \
    while (0)

#endif

#if defined YYCOPY_NEEDED && YYCOPY_NEEDED
/* Copy COUNT objects from SRC to DST.  The source and destination do
   not overlap.  */
# ifndef YYCOPY
#  if defined __GNUC__ && 1 < __GNUC__
#   define YYCOPY(Dst, Src, Count) \
      __builtin_memcpy (Dst, Src, YY_CAST (YYSIZE_T, (Count)) * sizeof (*(Src)))
#  else
#   define YYCOPY(Dst, Src, Count)              \
      do                                        \
        {                                       \
          YYPTRDIFF_T yyi;                      \
          for (yyi = 0; yyi < (Count); yyi++)   \
            (Dst)[yyi] = (Src)[yyi];            \
        }                                       \
      while (0)
#  endif
# endif
#endif /* !YYCOPY_NEEDED */

/* YYFINAL -- State number of the termination state.  */
#define YYFINAL  2
/* YYLAST -- Last index in YYTABLE.  */
#define YYLAST   271

/* YYNTOKENS -- Number of terminals.  */
#define YYNTOKENS  55
/* YYNNTS -- Number of nonterminals.  */
#define YYNNTS  45
/* YYNRULES -- Number of rules.  */
#define YYNRULES  125
/* YYNSTATES -- Number of states.  */
#define YYNSTATES  223

/* YYMAXUTOK -- Last valid token kind.  */
#define YYMAXUTOK   292


/* YYTRANSLATE(TOKEN-NUM) -- Symbol number corresponding to TOKEN-NUM
   as returned by yylex, with out-of-bounds checking.  */
#define YYTRANSLATE(YYX)                                \
  (0 <= (YYX) && (YYX) <= YYMAXUTOK                     \
   ? YY_CAST (yysymbol_kind_t, yytranslate[YYX])        \
   : YYSYMBOL_YYUNDEF)

/* YYTRANSLATE[TOKEN-NUM] -- Symbol number corresponding to TOKEN-NUM
   as returned by yylex.  */
static const yytype_int8 yytranslate[] =
{
       0,     2,     2,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,    46,     2,     2,
      44,    45,    39,    37,    47,    38,    50,    40,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,    52,     2,
       2,    51,     2,    49,     2,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
       2,    53,     2,    54,     2,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,    42,    48,    43,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     2,     2,     2,     2,
       2,     2,     2,     2,     2,     2,     1,     2,     3,     4,
       5,     6,     7,     8,     9,    10,    11,    12,    13,    14,
      15,    16,    17,    18,    19,    20,    21,    22,    23,    24,
      25,    26,    27,    28,    29,    30,    31,    32,    33,    34,
      35,    36,    41
};

#if YYDEBUG
/* YYRLINE[YYN] -- Source line where rule number YYN was defined.  */
static const yytype_int16 yyrline[] =
{
       0,    98,    98,    99,   100,   104,   105,   106,   107,   108,
     109,   110,   111,   112,   117,   118,   122,   123,   124,   131,
     138,   143,   144,   145,   146,   147,   151,   152,   157,   158,
     159,   165,   166,   167,   171,   172,   177,   177,   183,   185,
     190,   191,   196,   197,   198,   199,   200,   204,   205,   211,
     212,   213,   217,   218,   223,   227,   228,   232,   233,   234,
     239,   241,   243,   249,   250,   254,   260,   264,   266,   268,
     269,   273,   274,   279,   280,   284,   285,   286,   292,   298,
     299,   300,   304,   305,   306,   310,   311,   315,   316,   320,
     321,   325,   326,   330,   331,   335,   336,   337,   338,   339,
     340,   341,   342,   343,   344,   345,   346,   347,   348,   349,
     353,   354,   355,   356,   357,   358,   363,   364,   365,   366,
     370,   371,   375,   376,   380,   381
};
#endif

/** Accessing symbol of state STATE.  */
#define YY_ACCESSING_SYMBOL(State) YY_CAST (yysymbol_kind_t, yystos[State])

#if 1
/* The user-facing name of the symbol whose (internal) number is
   YYSYMBOL.  No bounds checking.  */
static const char *yysymbol_name (yysymbol_kind_t yysymbol) YY_ATTRIBUTE_UNUSED;

static const char *
yysymbol_name (yysymbol_kind_t yysymbol)
{
  static const char *const yy_sname[] =
  {
  "end of file", "error", "invalid token", "name", "string", "figure",
  "date", "'import'", "'report'", "'allocation'", "'param'", "'check'",
  "'section'", "'note'", "'unit'", "'by'", "'from'", "'source'", "'error'",
  "'warning'", "'else'", "'where'", "'and'", "'or'", "'not'", "'local'",
  "'require'", "'as'", "'blank zero'", "'until'", "'absent'", "'=='",
  "'!='", "'<='", "'>='", "'<'", "'>'", "'+'", "'-'", "'*'", "'/'",
  "UMINUS", "'{'", "'}'", "'('", "')'", "'%'", "','", "'|'", "'?'", "'.'",
  "'='", "':'", "'['", "']'", "$accept", "file", "decl", "report_entries",
  "report_entry", "table", "table_kind", "table_head", "columns", "column",
  "items", "item", "section", "$@1", "row", "cells", "cell",
  "signed_figure", "printed_figure", "opt_percent", "allocation",
  "alloc_head", "groups", "group", "members", "member", "param",
  "param_head", "opt_local", "requirements", "opt_unit_word", "check",
  "check_dates", "opt_severity", "opt_source", "opt_else", "opt_string",
  "opt_name", "opt_formula", "expr", "primary", "ref", "args", "arglist",
  "arg", YY_NULLPTR
  };
  return yy_sname[yysymbol];
}
#endif

#define YYPACT_NINF (-183)

#define yypact_value_is_default(Yyn) \
  ((Yyn) == YYPACT_NINF)

#define YYTABLE_NINF (-1)

#define yytable_value_is_error(Yyn) \
  ((Yyn) == YYTABLE_NINF)

/* YYPACT[STATE-NUM] -- Index in YYTABLE of the portion describing
   STATE-NUM.  */
static const yytype_int16 yypact[] =
{
    -183,    98,  -183,  -183,  -183,    11,    56,    63,    68,    78,
      97,   100,  -183,  -183,   116,    76,  -183,    -1,  -183,    35,
    -183,   102,  -183,    85,    56,  -183,   127,    56,  -183,    84,
     -16,   129,    56,   139,     9,  -183,   107,     5,  -183,   142,
     146,   148,  -183,  -183,    56,    17,    97,   149,   108,  -183,
    -183,  -183,  -183,  -183,    56,    93,    69,  -183,  -183,  -183,
     144,   166,   167,  -183,  -183,  -183,   143,    10,  -183,  -183,
    -183,    18,   119,  -183,  -183,  -183,   -16,  -183,   121,   136,
     122,    56,   122,   150,   107,  -183,  -183,   163,  -183,  -183,
    -183,    56,  -183,  -183,    79,  -183,  -183,     0,   137,  -183,
    -183,     1,  -183,   122,  -183,  -183,  -183,  -183,     1,  -183,
    -183,   166,  -183,    42,   185,   189,   188,   157,   151,   143,
    -183,     1,     1,     1,  -183,   184,  -183,   -16,  -183,    15,
     103,   207,  -183,  -183,  -183,  -183,  -183,     1,     1,  -183,
     213,  -183,   124,     1,     1,     1,     1,     1,     1,     1,
       1,     1,     1,     1,     1,  -183,    56,   208,  -183,  -183,
    -183,  -183,   209,  -183,  -183,   145,   165,   168,   179,  -183,
    -183,   213,   203,   223,   223,   223,   223,   223,   223,    82,
      82,  -183,  -183,    31,  -183,   210,    44,    20,   224,  -183,
       1,  -183,     1,   222,  -183,   187,  -183,   227,    56,  -183,
    -183,  -183,   184,  -183,   122,   183,  -183,    21,   190,   216,
    -183,     5,  -183,  -183,  -183,     5,   183,  -183,    16,    37,
    -183,  -183,  -183
};

/* YYDEFACT[STATE-NUM] -- Default reduction number in state STATE-NUM.
   Performed when YYTABLE does not specify something else to do.  Zero
   means the default is an error.  */
static const yytype_int8 yydefact[] =
{
       2,     0,     1,     4,    20,     0,    89,     0,    71,     0,
       0,     0,     3,     9,     0,     0,    10,     0,    11,    66,
      12,     5,    90,     0,    89,    72,     0,    89,   116,     7,
      73,     0,    89,     0,     0,    25,     0,    42,    57,     0,
       0,     0,    14,    55,    89,    82,     0,     0,     0,    13,
      21,    24,    22,    23,    89,    89,     0,    26,    45,    47,
       0,    44,     0,    46,    56,    49,    52,     0,    69,    70,
       6,     0,    68,    83,    84,    79,    74,   117,     0,     0,
      93,    89,    93,     0,     0,    50,    48,     0,    53,    43,
      59,    89,    54,    58,     0,     8,    15,     0,    85,   118,
     119,     0,    29,    93,    28,    31,    27,    51,     0,    16,
      18,     0,    17,    75,     0,     0,     0,     0,   116,    52,
     111,     0,     0,     0,   112,    94,   109,   113,    30,     0,
       0,     0,    76,    67,    80,    86,    81,     0,   120,   110,
      97,   108,     0,     0,     0,     0,     0,     0,     0,     0,
       0,     0,     0,     0,     0,    33,    89,    91,    19,    32,
      35,    34,     0,    63,    77,    87,   124,     0,   121,   122,
     115,    96,    95,    98,    99,   101,   103,   100,   102,   104,
     105,   106,   107,    93,    92,     0,     0,     0,     0,    78,
       0,   114,     0,     0,    40,     0,    63,     0,    89,    60,
      64,    88,   125,   123,    93,    38,    36,     0,     0,     0,
      40,    42,    31,    61,    63,    42,    39,    41,     0,     0,
      65,    37,    62
};

/* YYPGOTO[NTERM-NUM].  */
static const yytype_int16 yypgoto[] =
{
    -183,  -183,  -183,  -183,  -183,  -183,  -183,  -183,  -183,   181,
      54,  -183,  -183,  -183,  -183,    23,  -124,    -2,  -183,   152,
    -183,  -183,  -183,  -183,  -182,  -183,  -183,  -183,  -183,  -183,
    -183,  -183,  -183,  -183,  -183,  -183,   -24,  -183,   -81,   -75,
    -183,    19,  -183,  -183,    75
};

/* YYDEFGOTO[NTERM-NUM].  */
static const yytype_uint8 yydefgoto[] =
{
       0,     1,    12,    71,    96,    13,    14,    15,    56,    57,
     129,   159,   160,   212,   161,   205,    64,    65,    66,    89,
      16,    17,    67,    93,   187,   200,    18,    19,    26,    29,
     133,    20,    98,    75,   117,   189,    23,   185,   102,   166,
     126,   127,   167,   168,   169
};

/* YYTABLE[YYPACT[STATE-NUM]] -- What to do in state STATE-NUM.  If
   positive, shift that token.  If negative, reduce the rule whose
   number is the opposite.  If YYTABLE_NINF, syntax error.  */
static const yytype_int16 yytable[] =
{
      43,   104,    37,    45,   118,    59,   119,   120,    50,    58,
      59,    90,    52,    91,   207,    21,   155,   155,   156,   156,
      72,    94,   128,   198,   198,   121,   125,   157,   157,    30,
      80,    82,   219,   130,    47,    73,    74,    48,   111,   122,
     198,    38,    60,    61,   193,   123,   140,   141,   142,    62,
     124,    39,    40,    92,    63,    53,   131,   103,   158,   221,
      22,    95,   165,   199,   213,    76,    24,   108,   171,   172,
     173,   174,   175,   176,   177,   178,   179,   180,   181,   182,
     222,    27,   101,   109,    59,   110,   196,   217,   132,    33,
      34,   220,   112,    25,   197,   113,    81,    22,     2,     3,
      28,     4,   194,    31,    35,     5,     6,     7,     8,     9,
      54,    78,    55,    79,    83,   202,    84,   111,   162,    32,
      36,   153,   154,   210,    10,   143,   144,    42,    11,    41,
      44,    46,   183,    49,   145,   146,   147,   148,   149,   150,
     151,   152,   153,   154,    51,   163,   143,   144,    68,    85,
      69,    70,    77,   114,   115,   145,   146,   147,   148,   149,
     150,   151,   152,   153,   154,   188,   116,   143,   144,   170,
      97,    86,    87,   101,   209,    99,   145,   146,   147,   148,
     149,   150,   151,   152,   153,   154,   190,   143,   144,    88,
     100,   134,   105,   135,   136,   138,   145,   146,   147,   148,
     149,   150,   151,   152,   153,   154,   143,   144,   107,   137,
     164,   184,   186,   191,   195,   145,   146,   147,   148,   149,
     150,   151,   152,   153,   154,   143,   192,   204,   201,   206,
     208,   211,   214,   216,   145,   146,   147,   148,   149,   150,
     151,   152,   153,   154,   145,   146,   147,   148,   149,   150,
     151,   152,   153,   154,    -1,    -1,    -1,    -1,    -1,    -1,
     151,   152,   153,   154,   215,   106,   218,   203,     0,     0,
       0,   139
};

static const yytype_int16 yycheck[] =
{
      24,    82,     3,    27,     3,     5,     5,     6,    32,     4,
       5,     1,     3,     3,   196,     4,     1,     1,     3,     3,
      44,     3,   103,     3,     3,    24,   101,    12,    12,    10,
      54,    55,   214,   108,    50,    18,    19,    53,    38,    38,
       3,    42,    37,    38,    13,    44,   121,   122,   123,    44,
      49,    16,    17,    43,    49,    46,    14,    81,    43,    43,
       4,    43,   137,    43,    43,    46,     3,    91,   143,   144,
     145,   146,   147,   148,   149,   150,   151,   152,   153,   154,
      43,     3,    51,     4,     5,     6,    42,   211,    46,    13,
      14,   215,    94,    25,    50,    97,     3,     4,     0,     1,
       3,     3,   183,     3,    28,     7,     8,     9,    10,    11,
       3,     3,     5,     5,    45,   190,    47,    38,    15,     3,
      44,    39,    40,   204,    26,    22,    23,    42,    30,    27,
       3,    47,   156,     4,    31,    32,    33,    34,    35,    36,
      37,    38,    39,    40,     5,    42,    22,    23,     6,     5,
       4,     3,     3,    16,    17,    31,    32,    33,    34,    35,
      36,    37,    38,    39,    40,    20,    29,    22,    23,    45,
      51,     5,     5,    51,   198,    54,    31,    32,    33,    34,
      35,    36,    37,    38,    39,    40,    21,    22,    23,    46,
      54,     6,    42,     4,     6,    44,    31,    32,    33,    34,
      35,    36,    37,    38,    39,    40,    22,    23,    45,    52,
       3,     3,     3,    45,     4,    31,    32,    33,    34,    35,
      36,    37,    38,    39,    40,    22,    47,     5,     4,    42,
       3,    48,    42,   210,    31,    32,    33,    34,    35,    36,
      37,    38,    39,    40,    31,    32,    33,    34,    35,    36,
      37,    38,    39,    40,    31,    32,    33,    34,    35,    36,
      37,    38,    39,    40,    48,    84,   212,   192,    -1,    -1,
      -1,   119
};

/* YYSTOS[STATE-NUM] -- The symbol kind of the accessing symbol of
   state STATE-NUM.  */
static const yytype_int8 yystos[] =
{
       0,    56,     0,     1,     3,     7,     8,     9,    10,    11,
      26,    30,    57,    60,    61,    62,    75,    76,    81,    82,
      86,     4,     4,    91,     3,    25,    83,     3,     3,    84,
      96,     3,     3,    13,    14,    28,    44,     3,    42,    16,
      17,    27,    42,    91,     3,    91,    47,    50,    53,     4,
      91,     5,     3,    46,     3,     5,    63,    64,     4,     5,
      37,    38,    44,    49,    71,    72,    73,    77,     6,     4,
       3,    58,    91,    18,    19,    88,    96,     3,     3,     5,
      91,     3,    91,    45,    47,     5,     5,     5,    46,    74,
       1,     3,    43,    78,     3,    43,    59,    51,    87,    54,
      54,    51,    93,    91,    93,    42,    64,    45,    91,     4,
       6,    38,    72,    72,    16,    17,    29,    89,     3,     5,
       6,    24,    38,    44,    49,    94,    95,    96,    93,    65,
      94,    14,    46,    85,     6,     4,     6,    52,    44,    74,
      94,    94,    94,    22,    23,    31,    32,    33,    34,    35,
      36,    37,    38,    39,    40,     1,     3,    12,    43,    66,
      67,    69,    15,    42,     3,    94,    94,    97,    98,    99,
      45,    94,    94,    94,    94,    94,    94,    94,    94,    94,
      94,    94,    94,    91,     3,    92,     3,    79,    20,    90,
      21,    45,    47,    13,    93,     4,    42,    50,     3,    43,
      80,     4,    94,    99,     5,    70,    42,    79,     3,    91,
      93,    48,    68,    43,    42,    48,    70,    71,    65,    79,
      71,    43,    43
};

/* YYR1[RULE-NUM] -- Symbol kind of the left-hand side of rule RULE-NUM.  */
static const yytype_int8 yyr1[] =
{
       0,    55,    56,    56,    56,    57,    57,    57,    57,    57,
      57,    57,    57,    57,    58,    58,    59,    59,    59,    60,
      61,    62,    62,    62,    62,    62,    63,    63,    64,    64,
      64,    65,    65,    65,    66,    66,    68,    67,    69,    69,
      70,    70,    71,    71,    71,    71,    71,    72,    72,    73,
      73,    73,    74,    74,    75,    76,    76,    77,    77,    77,
      78,    78,    78,    79,    79,    80,    81,    82,    82,    82,
      82,    83,    83,    84,    84,    85,    85,    85,    86,    87,
      87,    87,    88,    88,    88,    89,    89,    90,    90,    91,
      91,    92,    92,    93,    93,    94,    94,    94,    94,    94,
      94,    94,    94,    94,    94,    94,    94,    94,    94,    94,
      95,    95,    95,    95,    95,    95,    96,    96,    96,    96,
      97,    97,    98,    98,    99,    99
};

/* YYR2[RULE-NUM] -- Number of symbols on the right-hand side of rule RULE-NUM.  */
static const yytype_int8 yyr2[] =
{
       0,     2,     0,     2,     2,     2,     4,     2,     5,     1,
       1,     1,     1,     3,     0,     2,     2,     2,     2,     7,
       1,     3,     3,     3,     3,     2,     1,     3,     3,     3,
       4,     0,     2,     2,     1,     1,     0,     7,     4,     6,
       0,     3,     0,     2,     1,     1,     1,     1,     2,     1,
       2,     3,     0,     1,     4,     3,     3,     0,     2,     2,
       6,     8,    10,     0,     2,     4,     1,     7,     4,     3,
       3,     0,     1,     1,     3,     0,     1,     2,     9,     0,
       3,     3,     0,     1,     1,     0,     2,     0,     2,     0,
       1,     0,     1,     0,     2,     3,     3,     2,     3,     3,
       3,     3,     3,     3,     3,     3,     3,     3,     2,     1,
       2,     1,     1,     1,     4,     3,     1,     3,     4,     4,
       0,     1,     1,     3,     1,     3
};


enum { YYENOMEM = -2 };

#define yyerrok         (yyerrstatus = 0)
#define yyclearin       (yychar = YYEMPTY)

#define YYACCEPT        goto yyacceptlab
#define YYABORT         goto yyabortlab
#define YYERROR         goto yyerrorlab
#define YYNOMEM         goto yyexhaustedlab


#define YYRECOVERING()  (!!yyerrstatus)

#define YYBACKUP(Token, Value)                                    \
  do                                                              \
    if (yychar == YYEMPTY)                                        \
      {                                                           \
        yychar = (Token);                                         \
        yylval = (Value);                                         \
        YYPOPSTACK (yylen);                                       \
        yystate = *yyssp;                                         \
        YY_LAC_DISCARD ("YYBACKUP");                              \
        goto yybackup;                                            \
      }                                                           \
    else                                                          \
      {                                                           \
        yyerror (&yylloc, scanner, p, YY_("syntax error: cannot back up")); \
        YYERROR;                                                  \
      }                                                           \
  while (0)

/* Backward compatibility with an undocumented macro.
   Use YYerror or YYUNDEF. */
#define YYERRCODE YYUNDEF

/* YYLLOC_DEFAULT -- Set CURRENT to span from RHS[1] to RHS[N].
   If N is 0, then set CURRENT to the empty location which ends
   the previous symbol: RHS[0] (always defined).  */

#ifndef YYLLOC_DEFAULT
# define YYLLOC_DEFAULT(Current, Rhs, N)                                \
    do                                                                  \
      if (N)                                                            \
        {                                                               \
          (Current).first_line   = YYRHSLOC (Rhs, 1).first_line;        \
          (Current).first_column = YYRHSLOC (Rhs, 1).first_column;      \
          (Current).last_line    = YYRHSLOC (Rhs, N).last_line;         \
          (Current).last_column  = YYRHSLOC (Rhs, N).last_column;       \
        }                                                               \
      else                                                              \
        {                                                               \
          (Current).first_line   = (Current).last_line   =              \
            YYRHSLOC (Rhs, 0).last_line;                                \
          (Current).first_column = (Current).last_column =              \
            YYRHSLOC (Rhs, 0).last_column;                              \
        }                                                               \
    while (0)
#endif

#define YYRHSLOC(Rhs, K) ((Rhs)[K])


/* Enable debugging if requested.  */
#if YYDEBUG

# ifndef YYFPRINTF
#  include <stdio.h> /* INFRINGES ON USER NAME SPACE */
#  define YYFPRINTF fprintf
# endif

# define YYDPRINTF(Args)                        \
do {                                            \
  if (yydebug)                                  \
    YYFPRINTF Args;                             \
} while (0)


/* YYLOCATION_PRINT -- Print the location on the stream.
   This macro was not mandated originally: define only if we know
   we won't break user code: when these are the locations we know.  */

# ifndef YYLOCATION_PRINT

#  if defined YY_LOCATION_PRINT

   /* Temporary convenience wrapper in case some people defined the
      undocumented and private YY_LOCATION_PRINT macros.  */
#   define YYLOCATION_PRINT(File, Loc)  YY_LOCATION_PRINT(File, *(Loc))

#  elif defined YYLTYPE_IS_TRIVIAL && YYLTYPE_IS_TRIVIAL

/* Print *YYLOCP on YYO.  Private, do not rely on its existence. */

YY_ATTRIBUTE_UNUSED
static int
yy_location_print_ (FILE *yyo, YYLTYPE const * const yylocp)
{
  int res = 0;
  int end_col = 0 != yylocp->last_column ? yylocp->last_column - 1 : 0;
  if (0 <= yylocp->first_line)
    {
      res += YYFPRINTF (yyo, "%d", yylocp->first_line);
      if (0 <= yylocp->first_column)
        res += YYFPRINTF (yyo, ".%d", yylocp->first_column);
    }
  if (0 <= yylocp->last_line)
    {
      if (yylocp->first_line < yylocp->last_line)
        {
          res += YYFPRINTF (yyo, "-%d", yylocp->last_line);
          if (0 <= end_col)
            res += YYFPRINTF (yyo, ".%d", end_col);
        }
      else if (0 <= end_col && yylocp->first_column < end_col)
        res += YYFPRINTF (yyo, "-%d", end_col);
    }
  return res;
}

#   define YYLOCATION_PRINT  yy_location_print_

    /* Temporary convenience wrapper in case some people defined the
       undocumented and private YY_LOCATION_PRINT macros.  */
#   define YY_LOCATION_PRINT(File, Loc)  YYLOCATION_PRINT(File, &(Loc))

#  else

#   define YYLOCATION_PRINT(File, Loc) ((void) 0)
    /* Temporary convenience wrapper in case some people defined the
       undocumented and private YY_LOCATION_PRINT macros.  */
#   define YY_LOCATION_PRINT  YYLOCATION_PRINT

#  endif
# endif /* !defined YYLOCATION_PRINT */


# define YY_SYMBOL_PRINT(Title, Kind, Value, Location)                    \
do {                                                                      \
  if (yydebug)                                                            \
    {                                                                     \
      YYFPRINTF (stderr, "%s ", Title);                                   \
      yy_symbol_print (stderr,                                            \
                  Kind, Value, Location, scanner, p); \
      YYFPRINTF (stderr, "\n");                                           \
    }                                                                     \
} while (0)


/*-----------------------------------.
| Print this symbol's value on YYO.  |
`-----------------------------------*/

static void
yy_symbol_value_print (FILE *yyo,
                       yysymbol_kind_t yykind, YYSTYPE const * const yyvaluep, YYLTYPE const * const yylocationp, void *scanner, Parser *p)
{
  FILE *yyoutput = yyo;
  YY_USE (yyoutput);
  YY_USE (yylocationp);
  YY_USE (scanner);
  YY_USE (p);
  if (!yyvaluep)
    return;
  YY_IGNORE_MAYBE_UNINITIALIZED_BEGIN
  YY_USE (yykind);
  YY_IGNORE_MAYBE_UNINITIALIZED_END
}


/*---------------------------.
| Print this symbol on YYO.  |
`---------------------------*/

static void
yy_symbol_print (FILE *yyo,
                 yysymbol_kind_t yykind, YYSTYPE const * const yyvaluep, YYLTYPE const * const yylocationp, void *scanner, Parser *p)
{
  YYFPRINTF (yyo, "%s %s (",
             yykind < YYNTOKENS ? "token" : "nterm", yysymbol_name (yykind));

  YYLOCATION_PRINT (yyo, yylocationp);
  YYFPRINTF (yyo, ": ");
  yy_symbol_value_print (yyo, yykind, yyvaluep, yylocationp, scanner, p);
  YYFPRINTF (yyo, ")");
}

/*------------------------------------------------------------------.
| yy_stack_print -- Print the state stack from its BOTTOM up to its |
| TOP (included).                                                   |
`------------------------------------------------------------------*/

static void
yy_stack_print (yy_state_t *yybottom, yy_state_t *yytop)
{
  YYFPRINTF (stderr, "Stack now");
  for (; yybottom <= yytop; yybottom++)
    {
      int yybot = *yybottom;
      YYFPRINTF (stderr, " %d", yybot);
    }
  YYFPRINTF (stderr, "\n");
}

# define YY_STACK_PRINT(Bottom, Top)                            \
do {                                                            \
  if (yydebug)                                                  \
    yy_stack_print ((Bottom), (Top));                           \
} while (0)


/*------------------------------------------------.
| Report that the YYRULE is going to be reduced.  |
`------------------------------------------------*/

static void
yy_reduce_print (yy_state_t *yyssp, YYSTYPE *yyvsp, YYLTYPE *yylsp,
                 int yyrule, void *scanner, Parser *p)
{
  int yylno = yyrline[yyrule];
  int yynrhs = yyr2[yyrule];
  int yyi;
  YYFPRINTF (stderr, "Reducing stack by rule %d (line %d):\n",
             yyrule - 1, yylno);
  /* The symbols being reduced.  */
  for (yyi = 0; yyi < yynrhs; yyi++)
    {
      YYFPRINTF (stderr, "   $%d = ", yyi + 1);
      yy_symbol_print (stderr,
                       YY_ACCESSING_SYMBOL (+yyssp[yyi + 1 - yynrhs]),
                       &yyvsp[(yyi + 1) - (yynrhs)],
                       &(yylsp[(yyi + 1) - (yynrhs)]), scanner, p);
      YYFPRINTF (stderr, "\n");
    }
}

# define YY_REDUCE_PRINT(Rule)          \
do {                                    \
  if (yydebug)                          \
    yy_reduce_print (yyssp, yyvsp, yylsp, Rule, scanner, p); \
} while (0)

/* Nonzero means print parse trace.  It is left uninitialized so that
   multiple parsers can coexist.  */
int yydebug;
#else /* !YYDEBUG */
# define YYDPRINTF(Args) ((void) 0)
# define YY_SYMBOL_PRINT(Title, Kind, Value, Location)
# define YY_STACK_PRINT(Bottom, Top)
# define YY_REDUCE_PRINT(Rule)
#endif /* !YYDEBUG */


/* YYINITDEPTH -- initial size of the parser's stacks.  */
#ifndef YYINITDEPTH
# define YYINITDEPTH 200
#endif

/* YYMAXDEPTH -- maximum size the stacks can grow to (effective only
   if the built-in stack extension method is used).

   Do not make this value too large; the results are undefined if
   YYSTACK_ALLOC_MAXIMUM < YYSTACK_BYTES (YYMAXDEPTH)
   evaluated with infinite-precision integer arithmetic.  */

#ifndef YYMAXDEPTH
# define YYMAXDEPTH 10000
#endif


/* Given a state stack such that *YYBOTTOM is its bottom, such that
   *YYTOP is either its top or is YYTOP_EMPTY to indicate an empty
   stack, and such that *YYCAPACITY is the maximum number of elements it
   can hold without a reallocation, make sure there is enough room to
   store YYADD more elements.  If not, allocate a new stack using
   YYSTACK_ALLOC, copy the existing elements, and adjust *YYBOTTOM,
   *YYTOP, and *YYCAPACITY to reflect the new capacity and memory
   location.  If *YYBOTTOM != YYBOTTOM_NO_FREE, then free the old stack
   using YYSTACK_FREE.  Return 0 if successful or if no reallocation is
   required.  Return YYENOMEM if memory is exhausted.  */
static int
yy_lac_stack_realloc (YYPTRDIFF_T *yycapacity, YYPTRDIFF_T yyadd,
#if YYDEBUG
                      char const *yydebug_prefix,
                      char const *yydebug_suffix,
#endif
                      yy_state_t **yybottom,
                      yy_state_t *yybottom_no_free,
                      yy_state_t **yytop, yy_state_t *yytop_empty)
{
  YYPTRDIFF_T yysize_old =
    *yytop == yytop_empty ? 0 : *yytop - *yybottom + 1;
  YYPTRDIFF_T yysize_new = yysize_old + yyadd;
  if (*yycapacity < yysize_new)
    {
      YYPTRDIFF_T yyalloc = 2 * yysize_new;
      yy_state_t *yybottom_new;
      /* Use YYMAXDEPTH for maximum stack size given that the stack
         should never need to grow larger than the main state stack
         needs to grow without LAC.  */
      if (YYMAXDEPTH < yysize_new)
        {
          YYDPRINTF ((stderr, "%smax size exceeded%s", yydebug_prefix,
                      yydebug_suffix));
          return YYENOMEM;
        }
      if (YYMAXDEPTH < yyalloc)
        yyalloc = YYMAXDEPTH;
      yybottom_new =
        YY_CAST (yy_state_t *,
                 YYSTACK_ALLOC (YY_CAST (YYSIZE_T,
                                         yyalloc * YYSIZEOF (*yybottom_new))));
      if (!yybottom_new)
        {
          YYDPRINTF ((stderr, "%srealloc failed%s", yydebug_prefix,
                      yydebug_suffix));
          return YYENOMEM;
        }
      if (*yytop != yytop_empty)
        {
          YYCOPY (yybottom_new, *yybottom, yysize_old);
          *yytop = yybottom_new + (yysize_old - 1);
        }
      if (*yybottom != yybottom_no_free)
        YYSTACK_FREE (*yybottom);
      *yybottom = yybottom_new;
      *yycapacity = yyalloc;
    }
  return 0;
}

/* Establish the initial context for the current lookahead if no initial
   context is currently established.

   We define a context as a snapshot of the parser stacks.  We define
   the initial context for a lookahead as the context in which the
   parser initially examines that lookahead in order to select a
   syntactic action.  Thus, if the lookahead eventually proves
   syntactically unacceptable (possibly in a later context reached via a
   series of reductions), the initial context can be used to determine
   the exact set of tokens that would be syntactically acceptable in the
   lookahead's place.  Moreover, it is the context after which any
   further semantic actions would be erroneous because they would be
   determined by a syntactically unacceptable token.

   YY_LAC_ESTABLISH should be invoked when a reduction is about to be
   performed in an inconsistent state (which, for the purposes of LAC,
   includes consistent states that don't know they're consistent because
   their default reductions have been disabled).  Iff there is a
   lookahead token, it should also be invoked before reporting a syntax
   error.  This latter case is for the sake of the debugging output.

   For parse.lac=full, the implementation of YY_LAC_ESTABLISH is as
   follows.  If no initial context is currently established for the
   current lookahead, then check if that lookahead can eventually be
   shifted if syntactic actions continue from the current context.
   Report a syntax error if it cannot.  */
#define YY_LAC_ESTABLISH                                                \
do {                                                                    \
  if (!yy_lac_established)                                              \
    {                                                                   \
      YYDPRINTF ((stderr,                                               \
                  "LAC: initial context established for %s\n",          \
                  yysymbol_name (yytoken)));                            \
      yy_lac_established = 1;                                           \
      switch (yy_lac (yyesa, &yyes, &yyes_capacity, yyssp, yytoken))    \
        {                                                               \
        case YYENOMEM:                                                  \
          YYNOMEM;                                                      \
        case 1:                                                         \
          goto yyerrlab;                                                \
        }                                                               \
    }                                                                   \
} while (0)

/* Discard any previous initial lookahead context because of Event,
   which may be a lookahead change or an invalidation of the currently
   established initial context for the current lookahead.

   The most common example of a lookahead change is a shift.  An example
   of both cases is syntax error recovery.  That is, a syntax error
   occurs when the lookahead is syntactically erroneous for the
   currently established initial context, so error recovery manipulates
   the parser stacks to try to find a new initial context in which the
   current lookahead is syntactically acceptable.  If it fails to find
   such a context, it discards the lookahead.  */
#if YYDEBUG
# define YY_LAC_DISCARD(Event)                                           \
do {                                                                     \
  if (yy_lac_established)                                                \
    {                                                                    \
      YYDPRINTF ((stderr, "LAC: initial context discarded due to "       \
                  Event "\n"));                                          \
      yy_lac_established = 0;                                            \
    }                                                                    \
} while (0)
#else
# define YY_LAC_DISCARD(Event) yy_lac_established = 0
#endif

/* Given the stack whose top is *YYSSP, return 0 iff YYTOKEN can
   eventually (after perhaps some reductions) be shifted, return 1 if
   not, or return YYENOMEM if memory is exhausted.  As preconditions and
   postconditions: *YYES_CAPACITY is the allocated size of the array to
   which *YYES points, and either *YYES = YYESA or *YYES points to an
   array allocated with YYSTACK_ALLOC.  yy_lac may overwrite the
   contents of either array, alter *YYES and *YYES_CAPACITY, and free
   any old *YYES other than YYESA.  */
static int
yy_lac (yy_state_t *yyesa, yy_state_t **yyes,
        YYPTRDIFF_T *yyes_capacity, yy_state_t *yyssp, yysymbol_kind_t yytoken)
{
  yy_state_t *yyes_prev = yyssp;
  yy_state_t *yyesp = yyes_prev;
  /* Reduce until we encounter a shift and thereby accept the token.  */
  YYDPRINTF ((stderr, "LAC: checking lookahead %s:", yysymbol_name (yytoken)));
  if (yytoken == YYSYMBOL_YYUNDEF)
    {
      YYDPRINTF ((stderr, " Always Err\n"));
      return 1;
    }
  while (1)
    {
      int yyrule = yypact[+*yyesp];
      if (yypact_value_is_default (yyrule)
          || (yyrule += yytoken) < 0 || YYLAST < yyrule
          || yycheck[yyrule] != yytoken)
        {
          /* Use the default action.  */
          yyrule = yydefact[+*yyesp];
          if (yyrule == 0)
            {
              YYDPRINTF ((stderr, " Err\n"));
              return 1;
            }
        }
      else
        {
          /* Use the action from yytable.  */
          yyrule = yytable[yyrule];
          if (yytable_value_is_error (yyrule))
            {
              YYDPRINTF ((stderr, " Err\n"));
              return 1;
            }
          if (0 < yyrule)
            {
              YYDPRINTF ((stderr, " S%d\n", yyrule));
              return 0;
            }
          yyrule = -yyrule;
        }
      /* By now we know we have to simulate a reduce.  */
      YYDPRINTF ((stderr, " R%d", yyrule - 1));
      {
        /* Pop the corresponding number of values from the stack.  */
        YYPTRDIFF_T yylen = yyr2[yyrule];
        /* First pop from the LAC stack as many tokens as possible.  */
        if (yyesp != yyes_prev)
          {
            YYPTRDIFF_T yysize = yyesp - *yyes + 1;
            if (yylen < yysize)
              {
                yyesp -= yylen;
                yylen = 0;
              }
            else
              {
                yyesp = yyes_prev;
                yylen -= yysize;
              }
          }
        /* Only afterwards look at the main stack.  */
        if (yylen)
          yyesp = yyes_prev -= yylen;
      }
      /* Push the resulting state of the reduction.  */
      {
        yy_state_fast_t yystate;
        {
          const int yylhs = yyr1[yyrule] - YYNTOKENS;
          const int yyi = yypgoto[yylhs] + *yyesp;
          yystate = (0 <= yyi && yyi <= YYLAST && yycheck[yyi] == *yyesp
                     ? yytable[yyi]
                     : yydefgoto[yylhs]);
        }
        if (yyesp == yyes_prev)
          {
            yyesp = *yyes;
            YY_IGNORE_USELESS_CAST_BEGIN
            *yyesp = YY_CAST (yy_state_t, yystate);
            YY_IGNORE_USELESS_CAST_END
          }
        else
          {
            if (yy_lac_stack_realloc (yyes_capacity, 1,
#if YYDEBUG
                                      " (", ")",
#endif
                                      yyes, yyesa, &yyesp, yyes_prev))
              {
                YYDPRINTF ((stderr, "\n"));
                return YYENOMEM;
              }
            YY_IGNORE_USELESS_CAST_BEGIN
            *++yyesp = YY_CAST (yy_state_t, yystate);
            YY_IGNORE_USELESS_CAST_END
          }
        YYDPRINTF ((stderr, " G%d", yystate));
      }
    }
}

/* Context of a parse error.  */
typedef struct
{
  yy_state_t *yyssp;
  yy_state_t *yyesa;
  yy_state_t **yyes;
  YYPTRDIFF_T *yyes_capacity;
  yysymbol_kind_t yytoken;
  YYLTYPE *yylloc;
} yypcontext_t;

/* Put in YYARG at most YYARGN of the expected tokens given the
   current YYCTX, and return the number of tokens stored in YYARG.  If
   YYARG is null, return the number of expected tokens (guaranteed to
   be less than YYNTOKENS).  Return YYENOMEM on memory exhaustion.
   Return 0 if there are more than YYARGN expected tokens, yet fill
   YYARG up to YYARGN. */
static int
yypcontext_expected_tokens (const yypcontext_t *yyctx,
                            yysymbol_kind_t yyarg[], int yyargn)
{
  /* Actual size of YYARG. */
  int yycount = 0;

  int yyx;
  for (yyx = 0; yyx < YYNTOKENS; ++yyx)
    {
      yysymbol_kind_t yysym = YY_CAST (yysymbol_kind_t, yyx);
      if (yysym != YYSYMBOL_YYerror && yysym != YYSYMBOL_YYUNDEF)
        switch (yy_lac (yyctx->yyesa, yyctx->yyes, yyctx->yyes_capacity, yyctx->yyssp, yysym))
          {
          case YYENOMEM:
            return YYENOMEM;
          case 1:
            continue;
          default:
            if (!yyarg)
              ++yycount;
            else if (yycount == yyargn)
              return 0;
            else
              yyarg[yycount++] = yysym;
          }
    }
  if (yyarg && yycount == 0 && 0 < yyargn)
    yyarg[0] = YYSYMBOL_YYEMPTY;
  return yycount;
}




/* The kind of the lookahead of this context.  */
static yysymbol_kind_t
yypcontext_token (const yypcontext_t *yyctx) YY_ATTRIBUTE_UNUSED;

static yysymbol_kind_t
yypcontext_token (const yypcontext_t *yyctx)
{
  return yyctx->yytoken;
}

/* The location of the lookahead of this context.  */
static YYLTYPE *
yypcontext_location (const yypcontext_t *yyctx) YY_ATTRIBUTE_UNUSED;

static YYLTYPE *
yypcontext_location (const yypcontext_t *yyctx)
{
  return yyctx->yylloc;
}

/* User defined function to report a syntax error.  */
static int
yyreport_syntax_error (const yypcontext_t *yyctx, void *scanner, Parser *p);

/*-----------------------------------------------.
| Release the memory associated to this symbol.  |
`-----------------------------------------------*/

static void
yydestruct (const char *yymsg,
            yysymbol_kind_t yykind, YYSTYPE *yyvaluep, YYLTYPE *yylocationp, void *scanner, Parser *p)
{
  YY_USE (yyvaluep);
  YY_USE (yylocationp);
  YY_USE (scanner);
  YY_USE (p);
  if (!yymsg)
    yymsg = "Deleting";
  YY_SYMBOL_PRINT (yymsg, yykind, yyvaluep, yylocationp);

  YY_IGNORE_MAYBE_UNINITIALIZED_BEGIN
  YY_USE (yykind);
  YY_IGNORE_MAYBE_UNINITIALIZED_END
}






/*----------.
| yyparse.  |
`----------*/

int
yyparse (void *scanner, Parser *p)
{
/* Lookahead token kind.  */
int yychar;


/* The semantic value of the lookahead symbol.  */
/* Default value used for initialization, for pacifying older GCCs
   or non-GCC compilers.  */
YY_INITIAL_VALUE (static YYSTYPE yyval_default;)
YYSTYPE yylval YY_INITIAL_VALUE (= yyval_default);

/* Location data for the lookahead symbol.  */
static YYLTYPE yyloc_default
# if defined YYLTYPE_IS_TRIVIAL && YYLTYPE_IS_TRIVIAL
  = { 1, 1, 1, 1 }
# endif
;
YYLTYPE yylloc = yyloc_default;

    /* Number of syntax errors so far.  */
    int yynerrs = 0;

    yy_state_fast_t yystate = 0;
    /* Number of tokens to shift before error messages enabled.  */
    int yyerrstatus = 0;

    /* Refer to the stacks through separate pointers, to allow yyoverflow
       to reallocate them elsewhere.  */

    /* Their size.  */
    YYPTRDIFF_T yystacksize = YYINITDEPTH;

    /* The state stack: array, bottom, top.  */
    yy_state_t yyssa[YYINITDEPTH];
    yy_state_t *yyss = yyssa;
    yy_state_t *yyssp = yyss;

    /* The semantic value stack: array, bottom, top.  */
    YYSTYPE yyvsa[YYINITDEPTH];
    YYSTYPE *yyvs = yyvsa;
    YYSTYPE *yyvsp = yyvs;

    /* The location stack: array, bottom, top.  */
    YYLTYPE yylsa[YYINITDEPTH];
    YYLTYPE *yyls = yylsa;
    YYLTYPE *yylsp = yyls;

    yy_state_t yyesa[20];
    yy_state_t *yyes = yyesa;
    YYPTRDIFF_T yyes_capacity = 20 < YYMAXDEPTH ? 20 : YYMAXDEPTH;

  /* Whether LAC context is established.  A Boolean.  */
  int yy_lac_established = 0;
  int yyn;
  /* The return value of yyparse.  */
  int yyresult;
  /* Lookahead symbol kind.  */
  yysymbol_kind_t yytoken = YYSYMBOL_YYEMPTY;
  /* The variables used to return semantic value and location from the
     action routines.  */
  YYSTYPE yyval;
  YYLTYPE yyloc;

  /* The locations where the error started and ended.  */
  YYLTYPE yyerror_range[3];



#define YYPOPSTACK(N)   (yyvsp -= (N), yyssp -= (N), yylsp -= (N))

  /* The number of symbols on the RHS of the reduced rule.
     Keep to zero when no symbol should be popped.  */
  int yylen = 0;

  YYDPRINTF ((stderr, "Starting parse\n"));

  yychar = YYEMPTY; /* Cause a token to be read.  */

  yylsp[0] = yylloc;
  goto yysetstate;


/*------------------------------------------------------------.
| yynewstate -- push a new state, which is found in yystate.  |
`------------------------------------------------------------*/
yynewstate:
  /* In all cases, when you get here, the value and location stacks
     have just been pushed.  So pushing a state here evens the stacks.  */
  yyssp++;


/*--------------------------------------------------------------------.
| yysetstate -- set current state (the top of the stack) to yystate.  |
`--------------------------------------------------------------------*/
yysetstate:
  YYDPRINTF ((stderr, "Entering state %d\n", yystate));
  YY_ASSERT (0 <= yystate && yystate < YYNSTATES);
  YY_IGNORE_USELESS_CAST_BEGIN
  *yyssp = YY_CAST (yy_state_t, yystate);
  YY_IGNORE_USELESS_CAST_END
  YY_STACK_PRINT (yyss, yyssp);

  if (yyss + yystacksize - 1 <= yyssp)
#if !defined yyoverflow && !defined YYSTACK_RELOCATE
    YYNOMEM;
#else
    {
      /* Get the current used size of the three stacks, in elements.  */
      YYPTRDIFF_T yysize = yyssp - yyss + 1;

# if defined yyoverflow
      {
        /* Give user a chance to reallocate the stack.  Use copies of
           these so that the &'s don't force the real ones into
           memory.  */
        yy_state_t *yyss1 = yyss;
        YYSTYPE *yyvs1 = yyvs;
        YYLTYPE *yyls1 = yyls;

        /* Each stack pointer address is followed by the size of the
           data in use in that stack, in bytes.  This used to be a
           conditional around just the two extra args, but that might
           be undefined if yyoverflow is a macro.  */
        yyoverflow (YY_("memory exhausted"),
                    &yyss1, yysize * YYSIZEOF (*yyssp),
                    &yyvs1, yysize * YYSIZEOF (*yyvsp),
                    &yyls1, yysize * YYSIZEOF (*yylsp),
                    &yystacksize);
        yyss = yyss1;
        yyvs = yyvs1;
        yyls = yyls1;
      }
# else /* defined YYSTACK_RELOCATE */
      /* Extend the stack our own way.  */
      if (YYMAXDEPTH <= yystacksize)
        YYNOMEM;
      yystacksize *= 2;
      if (YYMAXDEPTH < yystacksize)
        yystacksize = YYMAXDEPTH;

      {
        yy_state_t *yyss1 = yyss;
        union yyalloc *yyptr =
          YY_CAST (union yyalloc *,
                   YYSTACK_ALLOC (YY_CAST (YYSIZE_T, YYSTACK_BYTES (yystacksize))));
        if (! yyptr)
          YYNOMEM;
        YYSTACK_RELOCATE (yyss_alloc, yyss);
        YYSTACK_RELOCATE (yyvs_alloc, yyvs);
        YYSTACK_RELOCATE (yyls_alloc, yyls);
#  undef YYSTACK_RELOCATE
        if (yyss1 != yyssa)
          YYSTACK_FREE (yyss1);
      }
# endif

      yyssp = yyss + yysize - 1;
      yyvsp = yyvs + yysize - 1;
      yylsp = yyls + yysize - 1;

      YY_IGNORE_USELESS_CAST_BEGIN
      YYDPRINTF ((stderr, "Stack size increased to %ld\n",
                  YY_CAST (long, yystacksize)));
      YY_IGNORE_USELESS_CAST_END

      if (yyss + yystacksize - 1 <= yyssp)
        YYABORT;
    }
#endif /* !defined yyoverflow && !defined YYSTACK_RELOCATE */


  if (yystate == YYFINAL)
    YYACCEPT;

  goto yybackup;


/*-----------.
| yybackup.  |
`-----------*/
yybackup:
  /* Do appropriate processing given the current state.  Read a
     lookahead token if we need one and don't already have one.  */

  /* First try to decide what to do without reference to lookahead token.  */
  yyn = yypact[yystate];
  if (yypact_value_is_default (yyn))
    goto yydefault;

  /* Not known => get a lookahead token if don't already have one.  */

  /* YYCHAR is either empty, or end-of-input, or a valid lookahead.  */
  if (yychar == YYEMPTY)
    {
      YYDPRINTF ((stderr, "Reading a token\n"));
      yychar = yylex (&yylval, &yylloc, scanner);
    }

  if (yychar <= YYEOF)
    {
      yychar = YYEOF;
      yytoken = YYSYMBOL_YYEOF;
      YYDPRINTF ((stderr, "Now at end of input.\n"));
    }
  else if (yychar == YYerror)
    {
      /* The scanner already issued an error message, process directly
         to error recovery.  But do not keep the error token as
         lookahead, it is too special and may lead us to an endless
         loop in error recovery. */
      yychar = YYUNDEF;
      yytoken = YYSYMBOL_YYerror;
      yyerror_range[1] = yylloc;
      goto yyerrlab1;
    }
  else
    {
      yytoken = YYTRANSLATE (yychar);
      YY_SYMBOL_PRINT ("Next token is", yytoken, &yylval, &yylloc);
    }

  /* If the proper action on seeing token YYTOKEN is to reduce or to
     detect an error, take that action.  */
  yyn += yytoken;
  if (yyn < 0 || YYLAST < yyn || yycheck[yyn] != yytoken)
    {
      YY_LAC_ESTABLISH;
      goto yydefault;
    }
  yyn = yytable[yyn];
  if (yyn <= 0)
    {
      if (yytable_value_is_error (yyn))
        goto yyerrlab;
      yyn = -yyn;
      YY_LAC_ESTABLISH;
      goto yyreduce;
    }

  /* Count tokens shifted since error; after three, turn off error
     status.  */
  if (yyerrstatus)
    yyerrstatus--;

  /* Shift the lookahead token.  */
  YY_SYMBOL_PRINT ("Shifting", yytoken, &yylval, &yylloc);
  yystate = yyn;
  YY_IGNORE_MAYBE_UNINITIALIZED_BEGIN
  *++yyvsp = yylval;
  YY_IGNORE_MAYBE_UNINITIALIZED_END
  *++yylsp = yylloc;

  /* Discard the shifted token.  */
  yychar = YYEMPTY;
  YY_LAC_DISCARD ("shift");
  goto yynewstate;


/*-----------------------------------------------------------.
| yydefault -- do the default action for the current state.  |
`-----------------------------------------------------------*/
yydefault:
  yyn = yydefact[yystate];
  if (yyn == 0)
    goto yyerrlab;
  goto yyreduce;


/*-----------------------------.
| yyreduce -- do a reduction.  |
`-----------------------------*/
yyreduce:
  /* yyn is the number of a rule to reduce with.  */
  yylen = yyr2[yyn];

  /* If YYLEN is nonzero, implement the default value of the action:
     '$$ = $1'.

     Otherwise, the following line sets YYVAL to garbage.
     This behavior is undocumented and Bison
     users should not rely upon it.  Assigning to YYVAL
     unconditionally makes the parser a bit smaller, and it avoids a
     GCC warning that YYVAL may be used uninitialized.  */
  yyval = yyvsp[1-yylen];

  /* Default location. */
  YYLLOC_DEFAULT (yyloc, (yylsp - yylen), yylen);
  yyerror_range[1] = yyloc;
  YY_REDUCE_PRINT (yyn);
  {
    int yychar_backup = yychar;
    switch (yyn)
      {
  case 5: /* decl: "'import'" "string"  */
#line 104 "grammar/parser.y"
                                                    { ast_import(p, (yyvsp[0].string), NULL, (yyloc)); }
#line 1771 "build-clang/parser.c"
    break;

  case 6: /* decl: "'import'" "string" "'as'" "name"  */
#line 105 "grammar/parser.y"
                                                    { ast_import(p, (yyvsp[-2].string), (yyvsp[0].name), (yyloc)); }
#line 1777 "build-clang/parser.c"
    break;

  case 7: /* decl: "'require'" requirements  */
#line 106 "grammar/parser.y"
                                                    { ast_require(p, (yyvsp[0].list), (yyloc)); }
#line 1783 "build-clang/parser.c"
    break;

  case 8: /* decl: "'report'" opt_string '{' report_entries '}'  */
#line 107 "grammar/parser.y"
                                                    { ast_report(p, (yyvsp[-3].string), (yyvsp[-1].list), (yyloc)); }
#line 1789 "build-clang/parser.c"
    break;

  case 13: /* decl: "'absent'" "name" "string"  */
#line 112 "grammar/parser.y"
                                                    { ast_absent(p, (yyvsp[-1].name), (yylsp[-1]), (yyvsp[0].string), (yyloc)); }
#line 1795 "build-clang/parser.c"
    break;

  case 14: /* report_entries: %empty  */
#line 117 "grammar/parser.y"
                                        { (yyval.list) = ast_list(p); }
#line 1801 "build-clang/parser.c"
    break;

  case 15: /* report_entries: report_entries report_entry  */
#line 118 "grammar/parser.y"
                                        { (yyval.list) = ast_push(p, (yyvsp[-1].list), (yyvsp[0].entry)); }
#line 1807 "build-clang/parser.c"
    break;

  case 16: /* report_entry: "name" "string"  */
#line 122 "grammar/parser.y"
                                        { (yyval.entry) = ast_entry_text(p, (yyvsp[-1].name), (yyvsp[0].string), (yyloc)); }
#line 1813 "build-clang/parser.c"
    break;

  case 17: /* report_entry: "name" signed_figure  */
#line 123 "grammar/parser.y"
                                        { (yyval.entry) = ast_entry_figure(p, (yyvsp[-1].name), (yyvsp[0].signed_figure), (yyloc)); }
#line 1819 "build-clang/parser.c"
    break;

  case 18: /* report_entry: "name" "date"  */
#line 124 "grammar/parser.y"
                                        { (yyval.entry) = ast_entry_date(p, (yyvsp[-1].name), (yyvsp[0].date), (yyloc)); }
#line 1825 "build-clang/parser.c"
    break;

  case 19: /* table: table_head '(' columns ')' '{' items '}'  */
#line 131 "grammar/parser.y"
                                                    { ast_table(p, (yyvsp[-6].table), (yyvsp[-4].list), (yyloc)); }
#line 1831 "build-clang/parser.c"
    break;

  case 20: /* table_kind: "name"  */
#line 138 "grammar/parser.y"
                                        { (yyval.number) = YYRECOVERING() ? T_TABLE
                                                              : ast_table_kind(p, (yyvsp[0].name), (yylsp[0])); }
#line 1838 "build-clang/parser.c"
    break;

  case 21: /* table_head: table_kind "name" opt_string  */
#line 143 "grammar/parser.y"
                                        { (yyval.table) = ast_table_head(p, (yyvsp[-2].number), (yyvsp[-1].name), (yylsp[-1]), (yyvsp[0].string), (yyloc)); }
#line 1844 "build-clang/parser.c"
    break;

  case 22: /* table_head: table_head "'unit'" "name"  */
#line 144 "grammar/parser.y"
                                        { ast_table_unit(p, (yyvsp[-2].table), (yyvsp[0].name), (yylsp[0])); (yyval.table) = (yyvsp[-2].table); }
#line 1850 "build-clang/parser.c"
    break;

  case 23: /* table_head: table_head "'unit'" '%'  */
#line 145 "grammar/parser.y"
                                        { ast_table_unit(p, (yyvsp[-2].table), "%", (yylsp[0])); (yyval.table) = (yyvsp[-2].table); }
#line 1856 "build-clang/parser.c"
    break;

  case 24: /* table_head: table_head "'note'" "figure"  */
#line 146 "grammar/parser.y"
                                        { ast_table_note(p, (yyvsp[-2].table), (yyvsp[0].figure), (yylsp[0])); (yyval.table) = (yyvsp[-2].table); }
#line 1862 "build-clang/parser.c"
    break;

  case 25: /* table_head: table_head "'blank zero'"  */
#line 147 "grammar/parser.y"
                                        { (yyvsp[-1].table)->blank_zero = true; (yyval.table) = (yyvsp[-1].table); }
#line 1868 "build-clang/parser.c"
    break;

  case 26: /* columns: column  */
#line 151 "grammar/parser.y"
                                        { (yyval.list) = ast_push(p, ast_list(p), (yyvsp[0].column)); }
#line 1874 "build-clang/parser.c"
    break;

  case 27: /* columns: columns ',' column  */
#line 152 "grammar/parser.y"
                                        { (yyval.list) = ast_push(p, (yyvsp[-2].list), (yyvsp[0].column)); }
#line 1880 "build-clang/parser.c"
    break;

  case 28: /* column: "figure" opt_string opt_formula  */
#line 157 "grammar/parser.y"
                                        { (yyval.column) = ast_column_year(p, (yyvsp[-2].figure), (yyvsp[-1].string), (yyvsp[0].expr), (yyloc)); }
#line 1886 "build-clang/parser.c"
    break;

  case 29: /* column: "name" opt_string opt_formula  */
#line 158 "grammar/parser.y"
                                        { (yyval.column) = ast_column_named(p, (yyvsp[-2].name), (yyvsp[-1].string), (yyvsp[0].expr), (yyloc)); }
#line 1892 "build-clang/parser.c"
    break;

  case 30: /* column: "figure" "name" opt_string opt_formula  */
#line 160 "grammar/parser.y"
                                { (yyval.column) = ast_column_plan(p, (yyvsp[-3].figure), (yyvsp[-2].name), (yyvsp[-1].string), (yyvsp[0].expr), (yyloc)); }
#line 1898 "build-clang/parser.c"
    break;

  case 36: /* $@1: %empty  */
#line 177 "grammar/parser.y"
                                        { ast_section_open(p, (yyvsp[-2].name), (yyvsp[-1].string), (yylsp[-3])); }
#line 1904 "build-clang/parser.c"
    break;

  case 37: /* section: "'section'" opt_name "string" '{' $@1 items '}'  */
#line 178 "grammar/parser.y"
                                        { ast_section_close(p, (yyloc)); }
#line 1910 "build-clang/parser.c"
    break;

  case 38: /* row: "name" opt_string opt_formula cells  */
#line 184 "grammar/parser.y"
                            { ast_row(p, (yyvsp[-3].name), (yyvsp[-2].string), NULL, NO_SPAN, (yyvsp[-1].expr), (yyloc)); }
#line 1916 "build-clang/parser.c"
    break;

  case 39: /* row: "name" opt_string "'note'" "figure" opt_formula cells  */
#line 186 "grammar/parser.y"
                            { ast_row(p, (yyvsp[-5].name), (yyvsp[-4].string), &(yyvsp[-2].figure), (yylsp[-2]), (yyvsp[-1].expr), (yyloc)); }
#line 1922 "build-clang/parser.c"
    break;

  case 40: /* cells: %empty  */
#line 190 "grammar/parser.y"
                                        { ast_cells_start(p); }
#line 1928 "build-clang/parser.c"
    break;

  case 41: /* cells: cells '|' cell  */
#line 191 "grammar/parser.y"
                                        { ast_cells_push(p, (yyvsp[0].cell)); }
#line 1934 "build-clang/parser.c"
    break;

  case 42: /* cell: %empty  */
#line 196 "grammar/parser.y"
                                        { (yyval.cell) = ast_cell(p, CELL_EMPTY, (yyloc)); }
#line 1940 "build-clang/parser.c"
    break;

  case 43: /* cell: printed_figure opt_percent  */
#line 197 "grammar/parser.y"
                                        { (yyval.cell) = ast_cell_figure(p, (yyvsp[-1].signed_figure), (yyvsp[0].number), (yyloc)); }
#line 1946 "build-clang/parser.c"
    break;

  case 44: /* cell: '-'  */
#line 198 "grammar/parser.y"
                                        { (yyval.cell) = ast_cell(p, CELL_DASH, (yyloc)); }
#line 1952 "build-clang/parser.c"
    break;

  case 45: /* cell: "string"  */
#line 199 "grammar/parser.y"
                                        { (yyval.cell) = ast_cell(p, CELL_TEXT, (yyloc)); }
#line 1958 "build-clang/parser.c"
    break;

  case 46: /* cell: '?'  */
#line 200 "grammar/parser.y"
                                        { (yyval.cell) = ast_cell_todo(p, (yyloc)); }
#line 1964 "build-clang/parser.c"
    break;

  case 47: /* signed_figure: "figure"  */
#line 204 "grammar/parser.y"
                                        { (yyval.signed_figure) = (SignedFig){false, (yyvsp[0].figure)}; }
#line 1970 "build-clang/parser.c"
    break;

  case 48: /* signed_figure: '-' "figure"  */
#line 205 "grammar/parser.y"
                                        { (yyval.signed_figure) = (SignedFig){true, (yyvsp[0].figure)}; }
#line 1976 "build-clang/parser.c"
    break;

  case 50: /* printed_figure: '+' "figure"  */
#line 212 "grammar/parser.y"
                                        { (yyval.signed_figure) = (SignedFig){false, (yyvsp[0].figure)}; }
#line 1982 "build-clang/parser.c"
    break;

  case 51: /* printed_figure: '(' "figure" ')'  */
#line 213 "grammar/parser.y"
                                        { (yyval.signed_figure) = (SignedFig){true, (yyvsp[-1].figure)}; }
#line 1988 "build-clang/parser.c"
    break;

  case 52: /* opt_percent: %empty  */
#line 217 "grammar/parser.y"
                    { (yyval.number) = 0; }
#line 1994 "build-clang/parser.c"
    break;

  case 53: /* opt_percent: '%'  */
#line 218 "grammar/parser.y"
                    { (yyval.number) = 1; }
#line 2000 "build-clang/parser.c"
    break;

  case 54: /* allocation: alloc_head '{' groups '}'  */
#line 223 "grammar/parser.y"
                                        { ast_alloc(p, (yyvsp[-3].alloc), (yyvsp[-1].list), (yyloc)); }
#line 2006 "build-clang/parser.c"
    break;

  case 55: /* alloc_head: "'allocation'" "name" opt_string  */
#line 227 "grammar/parser.y"
                                        { (yyval.alloc) = ast_alloc_head(p, (yyvsp[-1].name), (yylsp[-1]), (yyvsp[0].string), (yyloc)); }
#line 2012 "build-clang/parser.c"
    break;

  case 56: /* alloc_head: alloc_head "name" cell  */
#line 228 "grammar/parser.y"
                                        { ast_alloc_option(p, (yyvsp[-2].alloc), (yyvsp[-1].name), (yylsp[-1]), (yyvsp[0].cell)); (yyval.alloc) = (yyvsp[-2].alloc); }
#line 2018 "build-clang/parser.c"
    break;

  case 57: /* groups: %empty  */
#line 232 "grammar/parser.y"
                                        { (yyval.list) = ast_list(p); }
#line 2024 "build-clang/parser.c"
    break;

  case 58: /* groups: groups group  */
#line 233 "grammar/parser.y"
                                        { (yyval.list) = ast_push(p, (yyvsp[-1].list), (yyvsp[0].group)); }
#line 2030 "build-clang/parser.c"
    break;

  case 59: /* groups: groups error  */
#line 234 "grammar/parser.y"
                                        { (yyval.list) = (yyvsp[-1].list); }
#line 2036 "build-clang/parser.c"
    break;

  case 60: /* group: "name" opt_string expr '{' members '}'  */
#line 240 "grammar/parser.y"
                            { (yyval.group) = ast_group(p, (yyvsp[-5].name), (yyvsp[-4].string), (yyvsp[-3].expr), NULL, NO_SPAN, (yyvsp[-1].list), (yyloc)); }
#line 2042 "build-clang/parser.c"
    break;

  case 61: /* group: "name" opt_string expr "'by'" "name" '{' members '}'  */
#line 242 "grammar/parser.y"
                            { (yyval.group) = ast_group(p, (yyvsp[-7].name), (yyvsp[-6].string), (yyvsp[-5].expr), (yyvsp[-3].name), (yylsp[-3]), (yyvsp[-1].list), (yyloc)); }
#line 2048 "build-clang/parser.c"
    break;

  case 62: /* group: "name" opt_string expr "'by'" "name" '.' "name" '{' members '}'  */
#line 244 "grammar/parser.y"
                            { (yyval.group) = ast_group(p, (yyvsp[-9].name), (yyvsp[-8].string), (yyvsp[-7].expr), ast_dotted(p, (yyvsp[-5].name), (yyvsp[-3].name)),
                                             (Span){(yylsp[-5]).start, (yylsp[-3]).end}, (yyvsp[-1].list), (yyloc)); }
#line 2055 "build-clang/parser.c"
    break;

  case 63: /* members: %empty  */
#line 249 "grammar/parser.y"
                                        { (yyval.list) = ast_list(p); }
#line 2061 "build-clang/parser.c"
    break;

  case 64: /* members: members member  */
#line 250 "grammar/parser.y"
                                        { (yyval.list) = ast_push(p, (yyvsp[-1].list), (yyvsp[0].member)); }
#line 2067 "build-clang/parser.c"
    break;

  case 65: /* member: "name" opt_string '|' cell  */
#line 254 "grammar/parser.y"
                                        { (yyval.member) = ast_member(p, (yyvsp[-3].name), (yyvsp[-2].string), (yyvsp[0].cell), (yyloc)); }
#line 2073 "build-clang/parser.c"
    break;

  case 67: /* param_head: "'param'" opt_local "name" opt_string '=' signed_figure opt_unit_word  */
#line 265 "grammar/parser.y"
                            { (yyval.param) = ast_param(p, (yyvsp[-5].number), (yyvsp[-4].name), (yylsp[-4]), (yyvsp[-3].string), &(yyvsp[-1].signed_figure), (yyvsp[0].name), (yylsp[-1]), (yyloc)); }
#line 2079 "build-clang/parser.c"
    break;

  case 68: /* param_head: "'param'" opt_local "name" opt_string  */
#line 267 "grammar/parser.y"
                            { (yyval.param) = ast_param(p, (yyvsp[-2].number), (yyvsp[-1].name), (yylsp[-1]), (yyvsp[0].string), NULL, NULL, (yylsp[-1]), (yyloc)); }
#line 2085 "build-clang/parser.c"
    break;

  case 69: /* param_head: param_head "'from'" "date"  */
#line 268 "grammar/parser.y"
                                        { ast_param_from(p, (yyvsp[-2].param), (yyvsp[0].date), (yylsp[0])); (yyval.param) = (yyvsp[-2].param); }
#line 2091 "build-clang/parser.c"
    break;

  case 70: /* param_head: param_head "'source'" "string"  */
#line 269 "grammar/parser.y"
                                        { ast_param_source(p, (yyvsp[-2].param), (yyvsp[0].string), (yylsp[0])); (yyval.param) = (yyvsp[-2].param); }
#line 2097 "build-clang/parser.c"
    break;

  case 71: /* opt_local: %empty  */
#line 273 "grammar/parser.y"
                    { (yyval.number) = 0; }
#line 2103 "build-clang/parser.c"
    break;

  case 72: /* opt_local: "'local'"  */
#line 274 "grammar/parser.y"
                    { (yyval.number) = 1; }
#line 2109 "build-clang/parser.c"
    break;

  case 73: /* requirements: ref  */
#line 279 "grammar/parser.y"
                                        { (yyval.list) = ast_push(p, ast_list(p), (yyvsp[0].expr)); }
#line 2115 "build-clang/parser.c"
    break;

  case 74: /* requirements: requirements ',' ref  */
#line 280 "grammar/parser.y"
                                        { (yyval.list) = ast_push(p, (yyvsp[-2].list), (yyvsp[0].expr)); }
#line 2121 "build-clang/parser.c"
    break;

  case 75: /* opt_unit_word: %empty  */
#line 284 "grammar/parser.y"
                    { (yyval.name) = NULL; }
#line 2127 "build-clang/parser.c"
    break;

  case 76: /* opt_unit_word: '%'  */
#line 285 "grammar/parser.y"
                    { (yyval.name) = "%"; }
#line 2133 "build-clang/parser.c"
    break;

  case 77: /* opt_unit_word: "'unit'" "name"  */
#line 286 "grammar/parser.y"
                    { (yyval.name) = (yyvsp[0].name); }
#line 2139 "build-clang/parser.c"
    break;

  case 78: /* check: "'check'" "name" opt_string opt_severity check_dates opt_source ':' expr opt_else  */
#line 293 "grammar/parser.y"
                            { ast_check(p, (yyvsp[-7].name), (yylsp[-7]), (yyvsp[-6].string), (yyvsp[-5].number), (yyvsp[-3].string), (yyvsp[-1].expr), (yyvsp[0].string), (yyloc)); }
#line 2145 "build-clang/parser.c"
    break;

  case 79: /* check_dates: %empty  */
#line 298 "grammar/parser.y"
                                        { p->check_from = p->check_until = 0; }
#line 2151 "build-clang/parser.c"
    break;

  case 80: /* check_dates: check_dates "'from'" "date"  */
#line 299 "grammar/parser.y"
                                        { p->check_from = (yyvsp[0].date); }
#line 2157 "build-clang/parser.c"
    break;

  case 81: /* check_dates: check_dates "'until'" "date"  */
#line 300 "grammar/parser.y"
                                        { p->check_until = (yyvsp[0].date); }
#line 2163 "build-clang/parser.c"
    break;

  case 82: /* opt_severity: %empty  */
#line 304 "grammar/parser.y"
                        { (yyval.number) = SEV_ERROR; }
#line 2169 "build-clang/parser.c"
    break;

  case 83: /* opt_severity: "'error'"  */
#line 305 "grammar/parser.y"
                        { (yyval.number) = SEV_ERROR; }
#line 2175 "build-clang/parser.c"
    break;

  case 84: /* opt_severity: "'warning'"  */
#line 306 "grammar/parser.y"
                        { (yyval.number) = SEV_WARNING; }
#line 2181 "build-clang/parser.c"
    break;

  case 85: /* opt_source: %empty  */
#line 310 "grammar/parser.y"
                        { (yyval.string) = NULL; }
#line 2187 "build-clang/parser.c"
    break;

  case 86: /* opt_source: "'source'" "string"  */
#line 311 "grammar/parser.y"
                        { (yyval.string) = (yyvsp[0].string); }
#line 2193 "build-clang/parser.c"
    break;

  case 87: /* opt_else: %empty  */
#line 315 "grammar/parser.y"
                        { (yyval.string) = NULL; }
#line 2199 "build-clang/parser.c"
    break;

  case 88: /* opt_else: "'else'" "string"  */
#line 316 "grammar/parser.y"
                        { (yyval.string) = (yyvsp[0].string); }
#line 2205 "build-clang/parser.c"
    break;

  case 89: /* opt_string: %empty  */
#line 320 "grammar/parser.y"
                        { (yyval.string) = NULL; }
#line 2211 "build-clang/parser.c"
    break;

  case 91: /* opt_name: %empty  */
#line 325 "grammar/parser.y"
                        { (yyval.name) = NULL; }
#line 2217 "build-clang/parser.c"
    break;

  case 93: /* opt_formula: %empty  */
#line 330 "grammar/parser.y"
                        { (yyval.expr) = NULL; }
#line 2223 "build-clang/parser.c"
    break;

  case 94: /* opt_formula: '=' expr  */
#line 331 "grammar/parser.y"
                        { (yyval.expr) = (yyvsp[0].expr); }
#line 2229 "build-clang/parser.c"
    break;

  case 95: /* expr: expr "'or'" expr  */
#line 335 "grammar/parser.y"
                                        { (yyval.expr) = ast_binary(p, OP_OR, (yyvsp[-2].expr), (yyvsp[0].expr), (yyloc)); }
#line 2235 "build-clang/parser.c"
    break;

  case 96: /* expr: expr "'and'" expr  */
#line 336 "grammar/parser.y"
                                        { (yyval.expr) = ast_binary(p, OP_AND, (yyvsp[-2].expr), (yyvsp[0].expr), (yyloc)); }
#line 2241 "build-clang/parser.c"
    break;

  case 97: /* expr: "'not'" expr  */
#line 337 "grammar/parser.y"
                                        { (yyval.expr) = ast_unary(p, E_NOT, (yyvsp[0].expr), (yyloc)); }
#line 2247 "build-clang/parser.c"
    break;

  case 98: /* expr: expr "'=='" expr  */
#line 338 "grammar/parser.y"
                                        { (yyval.expr) = ast_binary(p, OP_EQ, (yyvsp[-2].expr), (yyvsp[0].expr), (yyloc)); }
#line 2253 "build-clang/parser.c"
    break;

  case 99: /* expr: expr "'!='" expr  */
#line 339 "grammar/parser.y"
                                        { (yyval.expr) = ast_binary(p, OP_NE, (yyvsp[-2].expr), (yyvsp[0].expr), (yyloc)); }
#line 2259 "build-clang/parser.c"
    break;

  case 100: /* expr: expr "'<'" expr  */
#line 340 "grammar/parser.y"
                                        { (yyval.expr) = ast_binary(p, OP_LT, (yyvsp[-2].expr), (yyvsp[0].expr), (yyloc)); }
#line 2265 "build-clang/parser.c"
    break;

  case 101: /* expr: expr "'<='" expr  */
#line 341 "grammar/parser.y"
                                        { (yyval.expr) = ast_binary(p, OP_LE, (yyvsp[-2].expr), (yyvsp[0].expr), (yyloc)); }
#line 2271 "build-clang/parser.c"
    break;

  case 102: /* expr: expr "'>'" expr  */
#line 342 "grammar/parser.y"
                                        { (yyval.expr) = ast_binary(p, OP_GT, (yyvsp[-2].expr), (yyvsp[0].expr), (yyloc)); }
#line 2277 "build-clang/parser.c"
    break;

  case 103: /* expr: expr "'>='" expr  */
#line 343 "grammar/parser.y"
                                        { (yyval.expr) = ast_binary(p, OP_GE, (yyvsp[-2].expr), (yyvsp[0].expr), (yyloc)); }
#line 2283 "build-clang/parser.c"
    break;

  case 104: /* expr: expr '+' expr  */
#line 344 "grammar/parser.y"
                                        { (yyval.expr) = ast_binary(p, OP_ADD, (yyvsp[-2].expr), (yyvsp[0].expr), (yyloc)); }
#line 2289 "build-clang/parser.c"
    break;

  case 105: /* expr: expr '-' expr  */
#line 345 "grammar/parser.y"
                                        { (yyval.expr) = ast_binary(p, OP_SUB, (yyvsp[-2].expr), (yyvsp[0].expr), (yyloc)); }
#line 2295 "build-clang/parser.c"
    break;

  case 106: /* expr: expr '*' expr  */
#line 346 "grammar/parser.y"
                                        { (yyval.expr) = ast_binary(p, OP_MUL, (yyvsp[-2].expr), (yyvsp[0].expr), (yyloc)); }
#line 2301 "build-clang/parser.c"
    break;

  case 107: /* expr: expr '/' expr  */
#line 347 "grammar/parser.y"
                                        { (yyval.expr) = ast_binary(p, OP_DIV, (yyvsp[-2].expr), (yyvsp[0].expr), (yyloc)); }
#line 2307 "build-clang/parser.c"
    break;

  case 108: /* expr: '-' expr  */
#line 348 "grammar/parser.y"
                                        { (yyval.expr) = ast_unary(p, E_NEG, (yyvsp[0].expr), (yyloc)); }
#line 2313 "build-clang/parser.c"
    break;

  case 110: /* primary: "figure" opt_percent  */
#line 353 "grammar/parser.y"
                                        { (yyval.expr) = ast_figure(p, (yyvsp[-1].figure), (yyvsp[0].number), (yyloc)); }
#line 2319 "build-clang/parser.c"
    break;

  case 111: /* primary: "date"  */
#line 354 "grammar/parser.y"
                                        { (yyval.expr) = ast_date(p, (yyvsp[0].date), (yyloc)); }
#line 2325 "build-clang/parser.c"
    break;

  case 112: /* primary: '?'  */
#line 355 "grammar/parser.y"
                                        { (yyval.expr) = ast_figure_todo(p, (yyloc)); }
#line 2331 "build-clang/parser.c"
    break;

  case 114: /* primary: "name" '(' args ')'  */
#line 357 "grammar/parser.y"
                                        { (yyval.expr) = ast_call(p, (yyvsp[-3].name), (yylsp[-3]), (yyvsp[-1].list), (yyloc)); }
#line 2337 "build-clang/parser.c"
    break;

  case 115: /* primary: '(' expr ')'  */
#line 358 "grammar/parser.y"
                                        { (yyval.expr) = (yyvsp[-1].expr); (yyval.expr)->loc = parse_loc(p, (yyloc)); }
#line 2343 "build-clang/parser.c"
    break;

  case 116: /* ref: "name"  */
#line 363 "grammar/parser.y"
                                        { (yyval.expr) = ast_ref(p, NULL, (yyvsp[0].name), (yylsp[0]), (yyloc)); }
#line 2349 "build-clang/parser.c"
    break;

  case 117: /* ref: ref '.' "name"  */
#line 364 "grammar/parser.y"
                                        { (yyval.expr) = ast_ref(p, (yyvsp[-2].expr), (yyvsp[0].name), (yylsp[0]), (yyloc)); }
#line 2355 "build-clang/parser.c"
    break;

  case 118: /* ref: ref '[' "name" ']'  */
#line 365 "grammar/parser.y"
                                        { (yyval.expr) = ast_select_name(p, (yyvsp[-3].expr), (yyvsp[-1].name), (yyloc)); }
#line 2361 "build-clang/parser.c"
    break;

  case 119: /* ref: ref '[' "figure" ']'  */
#line 366 "grammar/parser.y"
                                        { (yyval.expr) = ast_select_year(p, (yyvsp[-3].expr), (yyvsp[-1].figure), (yylsp[-1]), (yyloc)); }
#line 2367 "build-clang/parser.c"
    break;

  case 120: /* args: %empty  */
#line 370 "grammar/parser.y"
                                        { (yyval.list) = ast_list(p); }
#line 2373 "build-clang/parser.c"
    break;

  case 122: /* arglist: arg  */
#line 375 "grammar/parser.y"
                                        { (yyval.list) = ast_push(p, ast_list(p), (yyvsp[0].expr)); }
#line 2379 "build-clang/parser.c"
    break;

  case 123: /* arglist: arglist ',' arg  */
#line 376 "grammar/parser.y"
                                        { (yyval.list) = ast_push(p, (yyvsp[-2].list), (yyvsp[0].expr)); }
#line 2385 "build-clang/parser.c"
    break;

  case 125: /* arg: expr "'where'" expr  */
#line 381 "grammar/parser.y"
                                        { (yyval.expr) = ast_where(p, (yyvsp[-2].expr), (yyvsp[0].expr), (yyloc)); }
#line 2391 "build-clang/parser.c"
    break;


#line 2395 "build-clang/parser.c"

        default: break;
      }
    if (yychar_backup != yychar)
      YY_LAC_DISCARD ("yychar change");
  }
  /* User semantic actions sometimes alter yychar, and that requires
     that yytoken be updated with the new translation.  We take the
     approach of translating immediately before every use of yytoken.
     One alternative is translating here after every semantic action,
     but that translation would be missed if the semantic action invokes
     YYABORT, YYACCEPT, or YYERROR immediately after altering yychar or
     if it invokes YYBACKUP.  In the case of YYABORT or YYACCEPT, an
     incorrect destructor might then be invoked immediately.  In the
     case of YYERROR or YYBACKUP, subsequent parser actions might lead
     to an incorrect destructor call or verbose syntax error message
     before the lookahead is translated.  */
  YY_SYMBOL_PRINT ("-> $$ =", YY_CAST (yysymbol_kind_t, yyr1[yyn]), &yyval, &yyloc);

  YYPOPSTACK (yylen);
  yylen = 0;

  *++yyvsp = yyval;
  *++yylsp = yyloc;

  /* Now 'shift' the result of the reduction.  Determine what state
     that goes to, based on the state we popped back to and the rule
     number reduced by.  */
  {
    const int yylhs = yyr1[yyn] - YYNTOKENS;
    const int yyi = yypgoto[yylhs] + *yyssp;
    yystate = (0 <= yyi && yyi <= YYLAST && yycheck[yyi] == *yyssp
               ? yytable[yyi]
               : yydefgoto[yylhs]);
  }

  goto yynewstate;


/*--------------------------------------.
| yyerrlab -- here on detecting error.  |
`--------------------------------------*/
yyerrlab:
  /* Make sure we have latest lookahead translation.  See comments at
     user semantic actions for why this is necessary.  */
  yytoken = yychar == YYEMPTY ? YYSYMBOL_YYEMPTY : YYTRANSLATE (yychar);
  /* If not already recovering from an error, report this error.  */
  if (!yyerrstatus)
    {
      ++yynerrs;
      {
        yypcontext_t yyctx
          = {yyssp, yyesa, &yyes, &yyes_capacity, yytoken, &yylloc};
        if (yychar != YYEMPTY)
          YY_LAC_ESTABLISH;
        if (yyreport_syntax_error (&yyctx, scanner, p) == 2)
          YYNOMEM;
      }
    }

  yyerror_range[1] = yylloc;
  if (yyerrstatus == 3)
    {
      /* If just tried and failed to reuse lookahead token after an
         error, discard it.  */

      if (yychar <= YYEOF)
        {
          /* Return failure if at end of input.  */
          if (yychar == YYEOF)
            YYABORT;
        }
      else
        {
          yydestruct ("Error: discarding",
                      yytoken, &yylval, &yylloc, scanner, p);
          yychar = YYEMPTY;
        }
    }

  /* Else will try to reuse lookahead token after shifting the error
     token.  */
  goto yyerrlab1;


/*---------------------------------------------------.
| yyerrorlab -- error raised explicitly by YYERROR.  |
`---------------------------------------------------*/
yyerrorlab:
  /* Pacify compilers when the user code never invokes YYERROR and the
     label yyerrorlab therefore never appears in user code.  */
  if (0)
    YYERROR;
  ++yynerrs;

  /* Do not reclaim the symbols of the rule whose action triggered
     this YYERROR.  */
  YYPOPSTACK (yylen);
  yylen = 0;
  YY_STACK_PRINT (yyss, yyssp);
  yystate = *yyssp;
  goto yyerrlab1;


/*-------------------------------------------------------------.
| yyerrlab1 -- common code for both syntax error and YYERROR.  |
`-------------------------------------------------------------*/
yyerrlab1:
  yyerrstatus = 3;      /* Each real token shifted decrements this.  */

  /* Pop stack until we find a state that shifts the error token.  */
  for (;;)
    {
      yyn = yypact[yystate];
      if (!yypact_value_is_default (yyn))
        {
          yyn += YYSYMBOL_YYerror;
          if (0 <= yyn && yyn <= YYLAST && yycheck[yyn] == YYSYMBOL_YYerror)
            {
              yyn = yytable[yyn];
              if (0 < yyn)
                break;
            }
        }

      /* Pop the current state because it cannot handle the error token.  */
      if (yyssp == yyss)
        YYABORT;

      yyerror_range[1] = *yylsp;
      yydestruct ("Error: popping",
                  YY_ACCESSING_SYMBOL (yystate), yyvsp, yylsp, scanner, p);
      YYPOPSTACK (1);
      yystate = *yyssp;
      YY_STACK_PRINT (yyss, yyssp);
    }

  /* If the stack popping above didn't lose the initial context for the
     current lookahead token, the shift below will for sure.  */
  YY_LAC_DISCARD ("error recovery");

  YY_IGNORE_MAYBE_UNINITIALIZED_BEGIN
  *++yyvsp = yylval;
  YY_IGNORE_MAYBE_UNINITIALIZED_END

  yyerror_range[2] = yylloc;
  ++yylsp;
  YYLLOC_DEFAULT (*yylsp, yyerror_range, 2);

  /* Shift the error token.  */
  YY_SYMBOL_PRINT ("Shifting", YY_ACCESSING_SYMBOL (yyn), yyvsp, yylsp);

  yystate = yyn;
  goto yynewstate;


/*-------------------------------------.
| yyacceptlab -- YYACCEPT comes here.  |
`-------------------------------------*/
yyacceptlab:
  yyresult = 0;
  goto yyreturnlab;


/*-----------------------------------.
| yyabortlab -- YYABORT comes here.  |
`-----------------------------------*/
yyabortlab:
  yyresult = 1;
  goto yyreturnlab;


/*-----------------------------------------------------------.
| yyexhaustedlab -- YYNOMEM (memory exhaustion) comes here.  |
`-----------------------------------------------------------*/
yyexhaustedlab:
  yyerror (&yylloc, scanner, p, YY_("memory exhausted"));
  yyresult = 2;
  goto yyreturnlab;


/*----------------------------------------------------------.
| yyreturnlab -- parsing is finished, clean up and return.  |
`----------------------------------------------------------*/
yyreturnlab:
  if (yychar != YYEMPTY)
    {
      /* Make sure we have latest lookahead translation.  See comments at
         user semantic actions for why this is necessary.  */
      yytoken = YYTRANSLATE (yychar);
      yydestruct ("Cleanup: discarding lookahead",
                  yytoken, &yylval, &yylloc, scanner, p);
    }
  /* Do not reclaim the symbols of the rule whose action triggered
     this YYABORT or YYACCEPT.  */
  YYPOPSTACK (yylen);
  YY_STACK_PRINT (yyss, yyssp);
  while (yyssp != yyss)
    {
      yydestruct ("Cleanup: popping",
                  YY_ACCESSING_SYMBOL (+*yyssp), yyvsp, yylsp, scanner, p);
      YYPOPSTACK (1);
    }
#ifndef yyoverflow
  if (yyss != yyssa)
    YYSTACK_FREE (yyss);
#endif
  if (yyes != yyesa)
    YYSTACK_FREE (yyes);

  return yyresult;
}

#line 384 "grammar/parser.y"


/* Bison's context types are local to this file: hand the facts to parse.c. */
int yyreport_syntax_error(const yypcontext_t *ctx, void *scanner, Parser *p)
{
    (void)scanner;
    enum { MAX_EXPECTED = 64 };
    yysymbol_kind_t expected[MAX_EXPECTED];
    const char *names[MAX_EXPECTED];
    int n = yypcontext_expected_tokens(ctx, expected, MAX_EXPECTED), k = 0;
    /* optional words that are not suggested: a table's 'blank zero', and a check's
     * dates (where 'until' may come, 'from' is a check's date too) */
    bool check_dates = false;
    for (int i = 0; i < n; i++)
        check_dates |= expected[i] == YYSYMBOL_UNTIL;
    for (int i = 0; i < n; i++)
        if (expected[i] != YYSYMBOL_BLANK_ZERO && expected[i] != YYSYMBOL_UNTIL &&
            !(check_dates && expected[i] == YYSYMBOL_FROM))
            names[k++] = yysymbol_name(expected[i]);
    n = k;
    yysymbol_kind_t found = yypcontext_token(ctx);
    parse_syntax_error(p, *yypcontext_location(ctx), names, n,
                       found == YYSYMBOL_YYEOF ? NULL : yysymbol_name(found),
                       found == YYSYMBOL_YYUNDEF);
    return 0;
}

void yyerror(YYLTYPE *loc, void *scanner, Parser *p, const char *message)
{
    (void)scanner;
    if (strcmp(message, "memory exhausted") == 0)
        parse_error(p, *loc, _("this is nested too deeply for finsam to read"),
                    _("sections may nest about 1 600 deep and parentheses about 9 900 "
                      "deep; write it with fewer levels"));
    else
        parse_error(p, *loc, message, NULL); /* bison's own words, in English */
}
