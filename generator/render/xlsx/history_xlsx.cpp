// `jixiao history -o FILE.xlsx`: each table of the answer (render_history.h)
// a sheet, its title above the heads, scores as numbers at two places and
// changes in red (down) or green (up).
#include <xlsxwriter.h>

#include <algorithm>
#include <cstdlib>

#include "base/precision.h"
#include "formats/xlsx/xlsx_writer.h"
#include "render/render_history.h"

namespace jixiao {

void RenderHistoryXlsx(const std::vector<HistoryTable>& tables, const std::string& path) {
  WriteProjectWorkbook(path, [&](lxw_workbook* wb) {
    lxw_format* title = BaseCellFormat(wb, 12, false);
    format_set_bold(title);
    format_set_text_wrap(title);
    lxw_format* head = BaseCellFormat(wb, 10, true);
    format_set_bold(head);
    format_set_bg_color(head, 0xECEAE2);
    format_set_align(head, LXW_ALIGN_CENTER);
    lxw_format* text = BaseCellFormat(wb, 10, true);
    lxw_format* score = BaseCellFormat(wb, 10, true);
    format_set_num_format(score, FixedNumFormat(kScorePlaces).c_str());
    lxw_format* count = BaseCellFormat(wb, 10, true);
    lxw_format* up = BaseCellFormat(wb, 10, true);
    format_set_num_format(up, ("+" + FixedNumFormat(kScorePlaces) + ";−" + FixedNumFormat(kScorePlaces) + ";0.00").c_str());
    format_set_font_color(up, 0x006100);
    lxw_format* down = BaseCellFormat(wb, 10, true);
    format_set_num_format(down, ("+" + FixedNumFormat(kScorePlaces) + ";−" + FixedNumFormat(kScorePlaces) + ";0.00").c_str());
    format_set_font_color(down, 0x9C0006);
    for (size_t i = 0; i < tables.size(); ++i) {
      const HistoryTable& t = tables[i];
      // A sheet name: at most 31 characters, none of []:*?/\ .
      std::string name = i == 0 ? "历史" : "明细" + std::to_string(i);
      Sheet sheet(wb, name.c_str(), path);
      int cols = static_cast<int>(t.heads.size());
      sheet.Merge(0, 0, 0, std::max(0, cols - 1), t.title, title);
      sheet.RowHeight(0, 24);
      for (int c = 0; c < cols; ++c) {
        sheet.Text(1, c, t.heads[static_cast<size_t>(c)], head);
        double width = TextWidth(t.heads[static_cast<size_t>(c)]) + 2;
        for (const auto& row : t.rows)
          if (static_cast<size_t>(c) < row.size()) width = std::max(width, TextWidth(row[static_cast<size_t>(c)].text) + 2);
        sheet.Column(c, std::min(width, 60.0));
      }
      int r = 2;
      for (const auto& row : t.rows) {
        std::vector<Sheet::Span> spans;
        for (int c = 0; c < cols && static_cast<size_t>(c) < row.size(); ++c) {
          const HistoryCell& cell = row[static_cast<size_t>(c)];
          if (!cell.number) {
            sheet.Text(r, c, cell.text, text);
            spans.emplace_back(c, c, cell.text);
          } else {
            double v = std::strtod(cell.number->ToShort(kScorePlaces).c_str(), nullptr);
            lxw_format* f = cell.change && v != 0 ? (v < 0 ? down : up)
                            : cell.text.find('.') == std::string::npos ? count : score;
            sheet.Number(r, c, v, f);
          }
        }
        sheet.Fit(r, spans);  // a long reason wraps within its row
        ++r;
      }
      if (!t.note.empty()) sheet.Text(r + 1, 0, t.note, nullptr);
      worksheet_freeze_panes(sheet.ws(), 2, 0);
      sheet.PrintSetup(true, 1);
    }
  });
}

}  // namespace jixiao
