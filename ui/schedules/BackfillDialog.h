#pragma once
/// @file Backfill from the Schedules panel: a past window on the schedule's clock, the dry-run
/// list of its fire times (which have a run already) shown first, then Create to make the runs.

#include "schedule/StoredSchedule.h"

#include <QDialog>

#include <functional>

class QDateTimeEdit;
class QLabel;
class QListWidget;
class QPushButton;

namespace flowdeck {

class BackfillDialog : public QDialog {
    Q_OBJECT
public:
    BackfillDialog(ScheduleStore &store, const ScheduleRecord &record, std::function<qint64()> clock,
                   QWidget *parent = nullptr);

    /// The plan of the window now in the fields (what Create would make).
    const BackfillPlan &plan() const { return m_plan; }
    QDateTimeEdit *fromField() const { return m_from; }
    QDateTimeEdit *toField() const { return m_to; }
    QListWidget *list() const { return m_list; }
    QPushButton *createButton() const { return m_create; }
    /// How many runs Create made (-1 before it, or on a database error).
    int created() const { return m_created; }

private:
    void replan();
    void create();

    ScheduleStore &m_store;
    ScheduleRecord m_record;
    std::function<qint64()> m_clock;
    BackfillPlan m_plan;
    int m_created = -1;
    QDateTimeEdit *m_from = nullptr;
    QDateTimeEdit *m_to = nullptr;
    QListWidget *m_list = nullptr;
    QLabel *m_summary = nullptr;
    QPushButton *m_create = nullptr;
};

}  // namespace flowdeck
