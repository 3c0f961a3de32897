#include "TimeZonePicker.h"

#include "schedule/SchedulePreview.h"
#include "schedule/ScheduleZone.h"

#include <QComboBox>
#include <QCompleter>
#include <QDateTime>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QTimeZone>

namespace flowdeck {

TimeZonePicker::TimeZonePicker(QWidget *parent)
    : QWidget(parent), m_clock([] { return QDateTime::currentSecsSinceEpoch(); }) {
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_combo = new QComboBox(this);
    m_combo->setObjectName(QStringLiteral("scheduleZone"));
    m_combo->setEditable(true);
    m_combo->setInsertPolicy(QComboBox::NoInsert);
    m_combo->setMaxVisibleItems(20);
    m_combo->addItem(QStringLiteral("UTC"));
    for (const QByteArray &id : QTimeZone::availableTimeZoneIds())
        if (id != "UTC") m_combo->addItem(QString::fromLatin1(id));
    m_combo->lineEdit()->setPlaceholderText(tr("system zone"));
    // "berlin" finds Europe/Berlin: search anywhere in the name, not only at its start.
    auto *completer = new QCompleter(m_combo->model(), m_combo);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    completer->setFilterMode(Qt::MatchContains);
    completer->setCompletionMode(QCompleter::PopupCompletion);
    m_combo->setCompleter(completer);
    m_offset = new QLabel(this);
    m_offset->setObjectName(QStringLiteral("scheduleZoneOffset"));
    m_offset->setMinimumWidth(fontMetrics().horizontalAdvance(QStringLiteral("UTC+05:45 now (+0545)")));
    layout->addWidget(m_combo, 1);
    layout->addWidget(m_offset);
    connect(m_combo, &QComboBox::currentTextChanged, this, [this](const QString &text) {
        showOffset();
        emit zoneChanged(text.trimmed());
    });
    showOffset();
}

QString TimeZonePicker::zoneId() const {
    return m_combo->currentText().trimmed();
}

void TimeZonePicker::setZoneId(const QString &id) {
    m_combo->setCurrentText(id);
    showOffset();
}

void TimeZonePicker::setClock(std::function<qint64()> clock) {
    m_clock = std::move(clock);
    showOffset();
}

void TimeZonePicker::showOffset() {
    QString error;
    const auto zone = ScheduleZone::fromText(zoneId(), &error);
    if (!zone) {
        m_offset->setText(tr("unknown zone"));
        m_offset->setToolTip(error);
        return;
    }
    const qint64 now = m_clock();
    m_offset->setText(tr("UTC%1 now (%2)").arg(offsetText(zone->offsetAt(now)), zone->abbreviation(now)));
    m_offset->setToolTip(zone->id());
}

}  // namespace flowdeck
