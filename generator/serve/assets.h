// The desk's page, embedded in the binary at build time from
// generator/serve/assets/ (cmake/embed_assets.cmake): index.html, app.js,
// style.css. Nothing is fetched from the network.
#pragma once

#include <string>

namespace jixiao {

// The asset's bytes by its file name; null when there is none.
const std::string* ServeAsset(const std::string& name);

}  // namespace jixiao
