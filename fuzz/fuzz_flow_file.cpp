/// libFuzzer target: the flow file loader (YAML, then the model, then validation), and the
/// writer on whatever loaded: a flow that was read must serialize and read back.
#include "FuzzInput.h"
#include "flow/FlowFile.h"
#include "flow/FlowValidator.h"

#include <cstdio>
#include <cstdlib>

using namespace flowdeck;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    const auto loaded = FlowFile::parse(fuzz::bytes(data, size), QStringLiteral("fuzz.flow.yaml"));
    if (!loaded.readable) return 0;
    FlowValidator::validate(loaded.flow, QStringLiteral("fuzz.flow.yaml"));
    const QByteArray written = FlowFile::serialize(loaded.flow);
    const auto again = FlowFile::parse(written, QStringLiteral("written.flow.yaml"));
    if (!again.readable) {
        // What the writer wrote, the reader must read: anything else is a bug to report.
        std::fprintf(stderr, "serialized flow does not load again:\n%s\n", written.constData());
        std::abort();
    }
    return 0;
}
