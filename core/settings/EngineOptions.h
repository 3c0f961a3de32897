#pragma once
/// @file The engine options a workspace's settings give a flow: shared by `run`, `serve`, the
/// worker and the GUI so they all run a flow the same way.

#include "engine/FlowRun.h"
#include "settings/Settings.h"

namespace flowdeck {

/// Explicit choices (flags, environment) win over the flow's runner settings, which win over
/// the workspace file and the defaults.
RunOptions runOptionsFrom(const Settings &settings, const Flow &flow);

}  // namespace flowdeck
