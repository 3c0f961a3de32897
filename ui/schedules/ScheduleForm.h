#pragma once
/// @file The schedule form: a cron, interval, one-time or RRULE schedule with its zone, window,
/// policies, pool, queue and parameters, checked by the core as it is typed, with a preview of
/// the next ten fire times in its zone and in UTC (those a daylight-saving change moves marked).

#include "schedule/ScheduleConfig.h"
#include "schedule/ScheduleSave.h"
#include "store/ScheduleStore.h"

#include <QDialog>
#include <QVariantMap>

#include <functional>
#include <optional>

class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QStackedWidget;
class QTableWidget;

namespace flowdeck {

class TimeZonePicker;

class ScheduleForm : public QDialog {
    Q_OBJECT
public:
    /// A form for a new schedule (@p existing null) or for editing @p existing, in the workspace
    /// of @p workspaceFile whose database is @p store.
    ScheduleForm(ScheduleStore &store, const QString &workspaceFile, const ScheduleRecord *existing,
                 QWidget *parent = nullptr);

    /// UTC seconds now: the preview starts after it (tests give a fixed clock).
    void setClock(std::function<qint64()> clock);

    /// Picks @p flowPath (absolute) as the flow to run, when the workspace has it.
    void setFlow(const QString &flowPath);

    /// The schedule the fields describe (whatever its problems).
    ScheduleRecord record() const;
    /// Everything that stops a save now, in the core's words; empty when it can be saved.
    QStringList problems() const { return m_problems; }
    /// The UTC fire times the preview shows ("2026-03-08T07:00:00Z").
    QStringList previewUtc() const;
    /// Rows of the preview a daylight-saving change moved.
    QList<int> previewDstRows() const;
    /// Saves to the place chosen under "Save to"; false with @p error (also shown in the form).
    bool save(QString *error = nullptr);

    // The fields, for tests and the screenshot.
    QLineEdit *nameField() const { return m_name; }
    QComboBox *flowField() const { return m_flow; }
    QComboBox *typeField() const { return m_type; }
    QLineEdit *cronField() const { return m_cron; }
    QLabel *cronMessage() const { return m_cronMessage; }
    QSpinBox *intervalField() const { return m_interval; }
    QComboBox *intervalUnitField() const { return m_intervalUnit; }
    QLineEdit *rruleField() const { return m_rrule; }
    QDateTimeEdit *onceField() const { return m_once; }
    TimeZonePicker *zoneField() const { return m_zone; }
    QComboBox *targetField() const { return m_target; }
    QTableWidget *preview() const { return m_preview; }
    QLabel *problemLabel() const { return m_problemLabel; }
    QPushButton *saveButton() const;

private:
    QWidget *buildCronPage();
    QWidget *buildIntervalPage();
    QWidget *buildOncePage();
    QWidget *buildRRulePage();
    QWidget *buildWhenBox();
    QWidget *buildRunBox();
    void fillFlows();
    void fillPools();
    void load(const ScheduleRecord &record);
    void loadFlow();
    void editParameters();
    void applyRRuleBuilder();
    void readRRuleIntoBuilder();
    void setDefaultTimes();
    void showPage(int index);
    /// The config the fields describe; problems of fields that are not even text go to @p problems.
    ScheduleConfig config(QStringList &problems) const;
    void revalidate();
    void showCron();
    void showPreview(const ScheduleConfig &config, bool valid);

    ScheduleStore &m_store;
    QString m_workspaceFile;
    bool m_editing = false;
    std::function<qint64()> m_clock;
    QVariantMap m_parameters;  ///< typed values the user set (defaults left out)
    QStringList m_problems;
    bool m_writingRule = false;  ///< the builder is writing the raw rule (do not read it back)

    QLineEdit *m_name = nullptr;
    QComboBox *m_flow = nullptr;
    QComboBox *m_target = nullptr;
    QCheckBox *m_active = nullptr;
    QComboBox *m_type = nullptr;
    QStackedWidget *m_pages = nullptr;
    QLineEdit *m_cron = nullptr;
    QLabel *m_cronFields = nullptr;
    QLabel *m_cronMessage = nullptr;
    QCheckBox *m_dayAnd = nullptr;
    QSpinBox *m_interval = nullptr;
    QComboBox *m_intervalUnit = nullptr;
    QCheckBox *m_hasAnchor = nullptr;
    QDateTimeEdit *m_anchor = nullptr;
    QDateTimeEdit *m_once = nullptr;
    QComboBox *m_freq = nullptr;
    QSpinBox *m_rruleInterval = nullptr;
    QList<QCheckBox *> m_days;
    QLineEdit *m_hours = nullptr;
    QSpinBox *m_minute = nullptr;
    QLineEdit *m_rrule = nullptr;
    QDateTimeEdit *m_dtstart = nullptr;
    QLabel *m_rruleText = nullptr;
    TimeZonePicker *m_zone = nullptr;
    QCheckBox *m_hasStart = nullptr;
    QDateTimeEdit *m_start = nullptr;
    QCheckBox *m_hasEnd = nullptr;
    QDateTimeEdit *m_end = nullptr;
    QComboBox *m_catchUp = nullptr;
    QSpinBox *m_catchUpCap = nullptr;
    QSpinBox *m_maxActive = nullptr;
    QComboBox *m_collision = nullptr;
    QComboBox *m_pool = nullptr;
    QComboBox *m_queue = nullptr;
    QLabel *m_parameterText = nullptr;
    QPushButton *m_parameterButton = nullptr;
    QTableWidget *m_preview = nullptr;
    QLabel *m_previewTitle = nullptr;
    QLabel *m_problemLabel = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

}  // namespace flowdeck
