// The report's Markdown tree made ready for HTML (render_html.cpp calls it
// between parsing and rendering): what cmark-gfm's HTML writer cannot say.
//
// - Every level-2 and level-3 heading gets an id ("s3", "s3-1").
// - The list after the 目录 heading becomes a two-level <nav class="toc">
//   of links to the headings after it (一、 and （一）, and each 附件).
// - A table is written with its parent cells merged (rowspan), its total
//   rows marked (class "total"), as render/table_plan.h decides for the
//   Word writer too; a 表 caption above it goes into one block with it, so
//   print keeps the two together.
#pragma once

#include <cmark-gfm.h>

#include "render/table_plan.h"

namespace jixiao {

// `plans`: the tables' plans, some already made for report.docx.
void StructureForHtml(cmark_node* doc, int options, cmark_llist* extensions, TablePlans& plans);

}  // namespace jixiao
