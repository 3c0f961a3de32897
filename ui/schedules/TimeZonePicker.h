#pragma once
/// @file A time-zone field over every IANA zone Qt knows (QTimeZone::availableTimeZoneIds), with
/// search by any part of the name and the zone's offset now next to it.

#include <QWidget>

#include <functional>

class QComboBox;
class QLabel;

namespace flowdeck {

class TimeZonePicker : public QWidget {
    Q_OBJECT
public:
    explicit TimeZonePicker(QWidget *parent = nullptr);

    /// The zone as typed ("Europe/Berlin", "UTC", "+05:30"); empty: the system zone.
    QString zoneId() const;
    void setZoneId(const QString &id);
    /// UTC seconds "now" for the offset shown (tests give a fixed clock).
    void setClock(std::function<qint64()> clock);
    QComboBox *comboBox() const { return m_combo; }
    QLabel *offsetLabel() const { return m_offset; }

signals:
    void zoneChanged(const QString &id);

private:
    void showOffset();

    QComboBox *m_combo = nullptr;
    QLabel *m_offset = nullptr;
    std::function<qint64()> m_clock;
};

}  // namespace flowdeck
