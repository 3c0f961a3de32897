# The cases of fire_times.tsv: expression, zone, from (UTC), count, day rule, one per line.
# python3 cases.py > cases.tsv; then expected times come from test_cron's schedules and are compared with
# cron-parser and croner by compare.js (differences marked by hand in fire_times.tsv).
exprs = ["* * * * *", "*/5 * * * *", "*/15 * * * *", "0 * * * *", "30 * * * *", "0 9 * * 1-5",
         "0 0 1 * *", "30 2 * * *", "0 2 * * *", "30 1 * * *", "0 3 * * *", "15 2 * * *", "45 1 * * *",
         "0 12 1 * MON", "0 12 13 * 5", "0 0 * * 0", "0 0 * * 7", "@yearly", "@monthly", "@weekly",
         "@daily", "@hourly", "5,35 */2 * * *", "0 9-17/2 * * MON-FRI", "0 0 1,15 JAN,JUL *",
         "0 22 * * SUN-THU", "0 0 */2 * 1", "*/10 1-2 * * *", "0 0 31 * *", "59 23 31 12 *",
         "0 0 29 2 *", "0 8 ? * sat", "0 0 1-7 * 1", "0 4 8-14 * *", "20 2,3 * * *",
         "10,40 2 * * *", "15,45 1 * * *", "0 */2 * * *", "0 1-3 * * *", "0-30/10 2 * * *"]
zones = {
    "UTC": ["2026-01-15T10:20:00Z", "2026-12-31T23:30:00Z"],
    "America/New_York": ["2026-01-15T10:20:00Z", "2026-03-08T04:00:00Z", "2026-11-01T04:00:00Z"],
    "Europe/Berlin": ["2026-03-28T22:00:00Z", "2026-10-24T22:00:00Z", "2024-02-27T00:00:00Z"],
    "Australia/Lord_Howe": ["2026-04-04T13:00:00Z", "2026-10-03T13:00:00Z"],
    "Asia/Kolkata": ["2026-01-15T10:20:00Z", "2028-02-27T00:00:00Z"],
}
for z, froms in zones.items():
    for f in froms:
        for e in exprs:
            print(f"{e}\t{z}\t{f}\t8\tor")
# day-of-month / day-of-week both ways
for e in ["0 12 1 * MON", "0 12 13 * 5", "0 0 1-7 * 1", "0 0 29 2 1", "30 6 15 * 3,5"]:
    for z in ["UTC", "Europe/Berlin"]:
        print(f"{e}\t{z}\t2026-01-01T00:00:00Z\t8\tand")
