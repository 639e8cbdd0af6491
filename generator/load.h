// Loading: YAML files in, a validated IndicatorSystem or Project out.
// Every problem found is gathered and thrown together as one InputError,
// each diagnostic naming file:line:col, the indicator and what was
// expected.
#pragma once

#include <memory>
#include <string>

#include "indicator.h"
#include "project.h"

namespace jixiao {

std::shared_ptr<const IndicatorSystem> LoadSystem(const std::string& path);

// `target` is a project folder (holding project.yaml) or the YAML file
// itself. `system_override`, when set, replaces the system the project names.
std::shared_ptr<const Project> LoadProject(const std::string& target,
                                           const std::string& system_override = "");

}  // namespace jixiao
