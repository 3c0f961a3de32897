#pragma once
/// @file The run vocabulary now lives in core/run/ (engine and store both depend on it); this
/// header keeps includes written before the move working until every branch has moved on.

#include "run/RunEvent.h"
