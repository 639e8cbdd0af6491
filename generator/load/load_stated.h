// Reading the `stated:` section of project.yaml into Stated.
#pragma once

#include "model/stated.h"
#include "formats/yaml/yaml_source.h"

namespace jixiao {

void ReadStated(const YamlFile& y, const YamlNode& n, Diagnostics& diags, Stated& st);

}  // namespace jixiao
