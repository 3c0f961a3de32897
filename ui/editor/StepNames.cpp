#include "StepNames.h"

#include <QCoreApplication>

namespace flowdeck {

namespace {

// Its own translation context: lupdate and the running program must agree on the name.
struct StepNames {
    Q_DECLARE_TR_FUNCTIONS(StepNames)
};

QString oneTask(ItemVerb verb, const QString &name) {
    switch (verb) {
        case ItemVerb::Delete:
            return StepNames::tr("Delete task '%1'").arg(name);
        case ItemVerb::Cut:
            return StepNames::tr("Cut task '%1'").arg(name);
        case ItemVerb::Paste:
            return StepNames::tr("Paste 1 task");  // the pasted copy's name is a made-up one
        case ItemVerb::Duplicate:
            return StepNames::tr("Duplicate task '%1'").arg(name);
    }
    return name;
}

// Source texts for n > 1 ("%n" lets a translation pick its plural form).
QString manyTasks(ItemVerb verb, int n) {
    switch (verb) {
        case ItemVerb::Delete:
            return StepNames::tr("Delete %n tasks", nullptr, n);
        case ItemVerb::Cut:
            return StepNames::tr("Cut %n tasks", nullptr, n);
        case ItemVerb::Paste:
            return StepNames::tr("Paste %n tasks", nullptr, n);
        case ItemVerb::Duplicate:
            return StepNames::tr("Duplicate %n tasks", nullptr, n);
    }
    return QString();
}

QString manyItems(ItemVerb verb, int n) {
    if (n == 1) {
        switch (verb) {
            case ItemVerb::Delete:
                return StepNames::tr("Delete 1 item");
            case ItemVerb::Cut:
                return StepNames::tr("Cut 1 item");
            case ItemVerb::Paste:
                return StepNames::tr("Paste 1 item");
            case ItemVerb::Duplicate:
                return StepNames::tr("Duplicate 1 item");
        }
    }
    switch (verb) {
        case ItemVerb::Delete:
            return StepNames::tr("Delete %n items", nullptr, n);
        case ItemVerb::Cut:
            return StepNames::tr("Cut %n items", nullptr, n);
        case ItemVerb::Paste:
            return StepNames::tr("Paste %n items", nullptr, n);
        case ItemVerb::Duplicate:
            return StepNames::tr("Duplicate %n items", nullptr, n);
    }
    return QString();
}

}  // namespace

QString stepName(ItemVerb verb, const ItemSet &items, int connections) {
    const int others = int(items.notes.size() + items.groups.size());
    if (items.isEmpty())
        return connections == 1 ? StepNames::tr("Delete connection")
                                : StepNames::tr("Delete %n connections", nullptr, connections);
    if (others == 0) return items.tasks.size() == 1 ? oneTask(verb, items.tasks.front()) : manyTasks(verb, int(items.tasks.size()));
    return manyItems(verb, int(items.tasks.size()) + others);
}

}  // namespace flowdeck
