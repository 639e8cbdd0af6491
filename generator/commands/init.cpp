#include "commands/init.h"

#include <filesystem>

#include "base/atomic_file.h"
#include "base/messages.h"
#include "load/load.h"
#include "render/xlsx/collect_workbook.h"

namespace fs = std::filesystem;

namespace jixiao {

std::string InitProjectYaml(const std::string& system_name, const std::string& system_path) {
  std::string quoted;  // a YAML double-quoted scalar
  for (char c : system_path) quoted += c == '"' || c == '\\' ? std::string("\\") + c : std::string(1, c);
  return fmt::format(
      "# {name}\n"
      "#\n"
      "# 项目信息、数据、评分和问卷可以填写在本文件夹的 {book} 中：jixiao 读取本文件时\n"
      "# 一并读取它（其他工作簿可在 workbook: 中列出）。也可以写在本文件中，写法见\n"
      "# docs/zh/项目数据.md。同一项在两处都填写时内容必须一致，否则报错并指出两处位置。\n"
      "#\n"
      "# Project data. {book} in this folder is read together with this file\n"
      "# (list further workbooks under workbook:); the same item given in both places\n"
      "# must agree. See docs/en/project-data.md.\n"
      "\n"
      "# project:\n"
      "#   name: 项目名称\n"
      "#   year: \"2025\"\n"
      "#   department: 主管部门\n"
      "#   implementer: 实施单位\n"
      "#   commissioner: 委托单位\n"
      "#   evaluator: 评价机构\n"
      "#   lead_evaluator: 主评人\n"
      "#   date: 2025年12月31日\n"
      "system: \"{system}\"\n",
      fmt::arg("name", system_name), fmt::arg("book", kCollectWorkbookName), fmt::arg("system", quoted));
}

CommandResult RunInit(const InitRequest& request) {
  CommandResult out;
  out.language = request.language;
  CatchInputError(out, [&] {
    auto sys = LoadSystem(request.indicators);
    const fs::path folder(request.dir);
    const std::string yaml = (folder / "project.yaml").string();
    const std::string book = (folder / kCollectWorkbookName).string();
    std::error_code ec;
    if (!request.force) {
      Diagnostics diags;
      for (const auto& f : {yaml, book})
        if (fs::exists(f, ec)) diags.Error(SourceLoc{f}, "", msg::kInitExists);
      if (diags.HasErrors()) throw InputError(diags);
    }
    fs::create_directories(folder, ec);
    if (ec) Fail(SourceLoc{request.dir}, "", msg::kCannotWrite, ec.message());
    // The system as the project will find it: relative to the new folder.
    fs::path abs_sys = fs::weakly_canonical(fs::absolute(request.indicators), ec);
    fs::path abs_dir = fs::weakly_canonical(fs::absolute(folder), ec);
    std::string rel = abs_sys.lexically_relative(abs_dir).generic_string();
    if (rel.empty()) rel = abs_sys.generic_string();
    std::string text = InitProjectYaml(sys->name, rel);
    WriteCollectWorkbook(*sys, book);
    WriteFileAtomic(yaml, text);
    out.files = {OutputFile{yaml, ""}, OutputFile{book, ""}};
  });
  return out;
}

}  // namespace jixiao
