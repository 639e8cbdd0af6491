# Embeds the default templates into the binary, so jixiao runs from any
# folder; --templates DIR overrides them file by file at run time.
# Called with -DSRC=<source dir> -DOUT=<generated .cpp> -DNAMES=<a;b;c>.
set(content "// Generated from templates/ by cmake/embed_templates.cmake. Do not edit.\n#include <map>\n#include <string>\n\nnamespace jixiao {\n\nconst std::map<std::string, std::string>& DefaultTemplates() {\n  static const std::map<std::string, std::string> templates = {\n")
foreach(name IN LISTS NAMES)
  file(READ "${SRC}/templates/${name}" body)
  string(APPEND content "      {\"${name}\", R\"JXTPL(${body})JXTPL\"},\n")
endforeach()
string(APPEND content "  };\n  return templates;\n}\n\n}  // namespace jixiao\n")
file(WRITE "${OUT}" "${content}")
