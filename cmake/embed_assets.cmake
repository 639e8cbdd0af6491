# Embeds the desk's page (generator/serve/assets/) into the binary, so
# `jixiao serve` needs no files beside it and fetches nothing.
# Called with -DSRC=<assets dir> -DOUT=<generated .cpp> -DNAMES=<a;b;c>.
set(content "// Generated from generator/serve/assets/ by cmake/embed_assets.cmake. Do not edit.\n#include <map>\n#include <string>\n\n#include \"serve/assets.h\"\n\nnamespace jixiao {\n\nconst std::string* ServeAsset(const std::string& name) {\n  static const std::map<std::string, std::string> assets = {\n")
foreach(name IN LISTS NAMES)
  file(READ "${SRC}/${name}" body)
  string(APPEND content "      {\"${name}\", R\"JXASSET(${body})JXASSET\"},\n")
endforeach()
string(APPEND content "  };\n  auto it = assets.find(name);\n  return it == assets.end() ? nullptr : &it->second;\n}\n\n}  // namespace jixiao\n")
file(WRITE "${OUT}" "${content}")
