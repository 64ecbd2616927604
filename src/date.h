/* The calendar, once: which days exist. finsam keeps a date as YYYYMMDD in an int32_t. */
#ifndef FINSAM_DATE_H
#define FINSAM_DATE_H

#include <stdbool.h>

/* The number of days in month m (1-12) of year y, leap years counted. */
int date_month_days(int y, int m);

/* Whether y-m-d is a day of the calendar. */
bool date_valid(int y, int m, int d);

#endif
