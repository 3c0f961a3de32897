#pragma once
/// @file JSON text written as it goes, laid out like QJsonDocument::Indented, for outputs with a
/// row per task: building a QJsonObject per task and then the document was 45% of
/// `flowdeck-cli run --json` on 10,000 tasks (perf), more than the run itself.

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

#include <string>
#include <vector>

namespace flowdeck::cli {

class JsonStream {
public:
    JsonStream &beginObject() { return open('{'); }
    JsonStream &endObject() { return close('}'); }
    JsonStream &beginArray() { return open('['); }
    JsonStream &endArray() { return close(']'); }
    /// The next member's name, inside an object; its value follows.
    JsonStream &key(const char *name);

    JsonStream &value(const QString &text);
    JsonStream &value(qint64 number);
    JsonStream &value(int number) { return value(qint64(number)); }
    JsonStream &value(double number);
    JsonStream &value(bool flag);
    JsonStream &null();
    /// A time as `runs show --json` writes it (ISO 8601 in UTC, with milliseconds), null when
    /// @p ms <= 0: written in place, 20,000 times for a 10,000-task run.
    JsonStream &time(qint64 ms);
    /// Any QJsonValue (objects and arrays through QJsonDocument, indented to fit).
    JsonStream &value(const QJsonValue &json);

    /// The text so far, with a final newline as QJsonDocument writes it.
    std::string take();

private:
    std::string m_out;  // std::string: its appends inline, QByteArray's were 12% of `runs show --json`
    std::vector<bool> m_hasItems;  // per open object or array: whether it has a member yet
    bool m_afterKey = false;

    JsonStream &open(char bracket);
    JsonStream &close(char bracket);
    void beforeValue();
    void indent(size_t depth);
    void string(const QString &text);
};

}  // namespace flowdeck::cli
