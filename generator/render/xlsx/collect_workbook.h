// The data-collection workbook (数据采集表.xlsx) and `jixiao init`: an
// indicator system in; a new project folder out, holding a minimal
// project.yaml that names the system and a workbook generated from the
// system, whose shaded cells evaluators and agency staff fill in Excel, WPS
// or LibreOffice. load_workbook.cpp reads the filled workbook back; the
// sheet names and header labels both sides rely on are
// formats/xlsx/layouts/collect.h.
#pragma once

#include <string>
#include <vector>

#include "formats/xlsx/layouts/collect.h"  // kCollectWorkbookName, the sheet names and labels
#include "model/indicator.h"

namespace jixiao {

// Every name the system's rules read (value:, when:, conditions, bands and
// formulas), in system order, each with the leaf codes that read it.
std::vector<std::pair<std::string, std::vector<std::string>>> NamesReadBySystem(
    const IndicatorSystem& sys);

// Writes the workbook for `sys` to `path` through a PendingFile: byte for
// byte the same for the same system. Throws InputError (cannot-write).
void WriteCollectWorkbook(const IndicatorSystem& sys, const std::string& path);

}  // namespace jixiao
