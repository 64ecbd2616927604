#include "date.h"

int date_month_days(int y, int m)
{
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return days[m - 1] + (m == 2 && leap);
}

bool date_valid(int y, int m, int d)
{
    return m >= 1 && m <= 12 && d >= 1 && d <= date_month_days(y, m);
}
