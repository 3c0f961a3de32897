#include "StepNames.h"

#include <QCoreApplication>

namespace flowdeck {

namespace {

QString tr(const char *text, int n = -1) { return QCoreApplication::translate("StepNames", text, nullptr, n); }

QString oneTask(ItemVerb verb, const QString &name) {
    switch (verb) {
    case ItemVerb::Delete: return tr("Delete task '%1'").arg(name);
    case ItemVerb::Cut: return tr("Cut task '%1'").arg(name);
    case ItemVerb::Paste: return tr("Paste 1 task");  // the pasted copy's name is a made-up one
    case ItemVerb::Duplicate: return tr("Duplicate task '%1'").arg(name);
    }
    return name;
}

// Source texts for n > 1 ("%n" lets a translation pick its plural form).
QString manyTasks(ItemVerb verb, int n) {
    switch (verb) {
    case ItemVerb::Delete: return tr("Delete %n tasks", n);
    case ItemVerb::Cut: return tr("Cut %n tasks", n);
    case ItemVerb::Paste: return tr("Paste %n tasks", n);
    case ItemVerb::Duplicate: return tr("Duplicate %n tasks", n);
    }
    return QString();
}

QString manyItems(ItemVerb verb, int n) {
    if (n == 1) {
        switch (verb) {
        case ItemVerb::Delete: return tr("Delete 1 item");
        case ItemVerb::Cut: return tr("Cut 1 item");
        case ItemVerb::Paste: return tr("Paste 1 item");
        case ItemVerb::Duplicate: return tr("Duplicate 1 item");
        }
    }
    switch (verb) {
    case ItemVerb::Delete: return tr("Delete %n items", n);
    case ItemVerb::Cut: return tr("Cut %n items", n);
    case ItemVerb::Paste: return tr("Paste %n items", n);
    case ItemVerb::Duplicate: return tr("Duplicate %n items", n);
    }
    return QString();
}

}  // namespace

QString stepName(ItemVerb verb, const ItemSet &items, int connections) {
    const int others = int(items.notes.size() + items.groups.size());
    if (items.isEmpty())
        return connections == 1 ? tr("Delete connection") : tr("Delete %n connections", connections);
    if (others == 0) return items.tasks.size() == 1 ? oneTask(verb, items.tasks.front()) : manyTasks(verb, int(items.tasks.size()));
    return manyItems(verb, int(items.tasks.size()) + others);
}

}  // namespace flowdeck
