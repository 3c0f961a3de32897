#include "JsonStream.h"

#include "Workspace.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>

#include <algorithm>
#include <cmath>
#include <utility>

namespace flowdeck::cli {

void JsonStream::indent(size_t depth) {
    m_out += '\n';
    m_out.append(depth * 4, ' ');
}

void JsonStream::beforeValue() {
    if (m_afterKey) {
        m_afterKey = false;
        return;
    }
    if (m_hasItems.empty()) return;
    if (m_hasItems.back()) m_out += ',';
    m_hasItems.back() = true;
    indent(m_hasItems.size());
}

JsonStream &JsonStream::key(const char *name) {
    beforeValue();
    m_out += '"';
    m_out += name;
    m_out += "\": ";
    m_afterKey = true;
    return *this;
}

JsonStream &JsonStream::open(char bracket) {
    beforeValue();
    m_out += bracket;
    m_hasItems.push_back(false);
    return *this;
}

JsonStream &JsonStream::close(char bracket) {
    const bool hadItems = !m_hasItems.empty() && m_hasItems.back();
    if (!m_hasItems.empty()) m_hasItems.pop_back();
    if (hadItems) indent(m_hasItems.size());
    m_out += bracket;
    return *this;
}

void JsonStream::string(const QString &text) {
    // ASCII only: value() hands other text to QJsonDocument.
    m_out += '"';
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        switch (u) {
        case '"': m_out += "\\\""; break;
        case '\\': m_out += "\\\\"; break;
        case '\n': m_out += "\\n"; break;
        case '\r': m_out += "\\r"; break;
        case '\t': m_out += "\\t"; break;
        case '\b': m_out += "\\b"; break;
        case '\f': m_out += "\\f"; break;
        default:
            if (u < 0x20) {
                static const char hex[] = "0123456789abcdef";
                m_out += "\\u00";
                m_out += hex[u >> 4];
                m_out += hex[u & 0xF];
            } else {
                m_out += char(u);
            }
        }
    }
    m_out += '"';
}

JsonStream &JsonStream::value(const QString &text) {
    beforeValue();
    if (text.isEmpty() || std::all_of(text.begin(), text.end(), [](QChar c) { return c.unicode() < 0x80; })) {
        string(text);
    } else {
        // Outside ASCII, QJsonDocument's own escaping keeps surrogate pairs whole.
        const QByteArray one = QJsonDocument(QJsonArray{text}).toJson(QJsonDocument::Compact);
        m_out.append(one.constData() + 1, size_t(one.size() - 2));
    }
    return *this;
}

JsonStream &JsonStream::value(qint64 number) {
    beforeValue();
    m_out += std::to_string(number);
    return *this;
}

JsonStream &JsonStream::value(double number) {
    beforeValue();
    if (!std::isfinite(number)) m_out += "null";  // as QJsonDocument writes them
    else m_out += QByteArray::number(number, 'g', QLocale::FloatingPointShortest).toStdString();
    return *this;
}

JsonStream &JsonStream::value(bool flag) {
    beforeValue();
    m_out += flag ? "true" : "false";
    return *this;
}

JsonStream &JsonStream::null() {
    beforeValue();
    m_out += "null";
    return *this;
}

JsonStream &JsonStream::value(const QJsonValue &json) {
    switch (json.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined: return null();
    case QJsonValue::Bool: return value(json.toBool());
    case QJsonValue::Double: return value(json.toDouble());
    case QJsonValue::String: return value(json.toString());
    case QJsonValue::Array:
    case QJsonValue::Object: break;
    }
    beforeValue();
    const QJsonDocument document = json.isArray() ? QJsonDocument(json.toArray()) : QJsonDocument(json.toObject());
    QByteArray text = document.toJson(QJsonDocument::Indented).trimmed();
    text.replace("\n", "\n" + QByteArray(qsizetype(m_hasItems.size() * 4), ' '));
    m_out.append(text.constData(), size_t(text.size()));
    return *this;
}

JsonStream &JsonStream::time(qint64 ms) {
    if (ms <= 0) return null();
    beforeValue();
    char text[24];
    isoTimeText(ms, text);
    m_out += '"';
    m_out.append(text, sizeof text);
    m_out += '"';
    return *this;
}

std::string JsonStream::take() {
    m_out += '\n';
    return std::exchange(m_out, {});
}

}  // namespace flowdeck::cli
