// Durations and sizes as people write them in flow files and settings.
#include "flow/Units.h"

#include <QtTest>

using namespace flowdeck;

class TestUnits : public QObject {
    Q_OBJECT
private slots:
    void parsesDurations_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<double>("seconds");
        QTest::newRow("plain seconds") << "90" << 90.0;
        QTest::newRow("fraction") << "1.5" << 1.5;
        QTest::newRow("ms") << "500ms" << 0.5;
        QTest::newRow("s") << "30s" << 30.0;
        QTest::newRow("m") << "5m" << 300.0;
        QTest::newRow("h and m") << "1h30m" << 5400.0;
        QTest::newRow("d") << "1d" << 86400.0;
        QTest::newRow("mixed") << "1d2h3m4s" << 93784.0;
        QTest::newRow("zero") << "0s" << 0.0;
    }
    void parsesDurations() {
        QFETCH(QString, text);
        QFETCH(double, seconds);
        const auto parsed = parseDuration(text);
        QVERIFY2(parsed.has_value(), qPrintable(text));
        QCOMPARE(*parsed, seconds);
    }

    void refusesBadDurations_data() {
        QTest::addColumn<QString>("text");
        for (const char *bad : {"10x", "-5s", "1.2.3s", "", "s", "5 s", "1h-30m", "abc", "inf", "nan", "1e400"})
            QTest::newRow(bad) << QString::fromLatin1(bad);
    }
    void refusesBadDurations() {
        QFETCH(QString, text);
        QVERIFY2(!parseDuration(text).has_value(), qPrintable(text));
    }

    void formatsDurationsCanonically() {
        QCOMPARE(formatDuration(90), QStringLiteral("1m30s"));
        QCOMPARE(formatDuration(0.5), QStringLiteral("500ms"));
        QCOMPARE(formatDuration(7200), QStringLiteral("2h"));
        QCOMPARE(formatDuration(86400 + 1), QStringLiteral("1d1s"));
        QCOMPARE(formatDuration(1.25), QStringLiteral("1.25s"));
        QCOMPARE(formatDuration(0), QStringLiteral("0s"));
        for (double s : {0.001, 0.5, 1.0, 59.0, 61.0, 3599.0, 3601.5, 90061.0, 1.25})
            QCOMPARE(*parseDuration(formatDuration(s)), s);
    }

    void parsesSizes() {
        QCOMPARE(*parseSize("2GB"), qint64(2000000000));
        QCOMPARE(*parseSize("512MB"), qint64(512000000));
        QCOMPARE(*parseSize("1.5GiB"), qint64(1610612736));
        QCOMPARE(*parseSize("1024"), qint64(1024));
        QCOMPARE(*parseSize("4 KiB"), qint64(4096));
        QCOMPARE(*parseSize("2gb"), qint64(2000000000));
        QVERIFY(!parseSize("2XB").has_value());
        QVERIFY(!parseSize("-1GB").has_value());
        QVERIFY(!parseSize("GB").has_value());
    }

    void formatsSizesCanonically() {
        QCOMPARE(formatSize(2000000000), QStringLiteral("2GB"));
        QCOMPARE(formatSize(1LL << 30), QStringLiteral("1GiB"));
        QCOMPARE(formatSize(1536LL << 20), QStringLiteral("1536MiB"));
        QCOMPARE(formatSize(1001), QStringLiteral("1001"));
        for (qint64 n : {1LL, 1000LL, 1024LL, 123456789LL, 3LL << 40})
            QCOMPARE(*parseSize(formatSize(n)), n);
    }
};

QTEST_GUILESS_MAIN(TestUnits)
#include "test_units.moc"
