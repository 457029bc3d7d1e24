using System.Globalization;
using System.Text;
using HaiHau.InfoBot.Core.Content;
using HaiHau.InfoBot.Core.Text;
using HaiHau.InfoBot.Host.Exports;
using HaiHau.InfoBot.Core.Understanding;
using HaiHau.InfoBot.Host.OfficerConsole;
using HaiHau.InfoBot.Storage.Reach;

namespace HaiHau.InfoBot.Host.Reach;

/// <summary>The reach report in words and files: the definition every export carries, CSV, XLSX and the JSON shape.</summary>
public sealed class ReachPresenter(IContentStore content, IQuestionUnderstanding understanding)
{
    public const string TargetFact = "ke-hoach-ty-le-tiep-can-thong-tin";

    /// <summary>The plan's target in percent, from content/facts.yaml (never typed into code).</summary>
    public decimal Target => decimal.Parse(content.FindFact(TargetFact)?.Latest.Value ?? "0", CultureInfo.InvariantCulture);

    public string Definition(ReachResult r) =>
        $"Định nghĩa: trong kỳ từ {VietnameseFormat.Date(r.Query.From)} đến {VietnameseFormat.Date(r.Query.To)}, một hộ nghèo, cận nghèo "
        + $"trong danh sách năm {r.Query.ListYear} được tính là đã tiếp cận thông tin khi ít nhất một người dân đã liên kết với hộ nhận được "
        + "nội dung thông tin (bài viết, câu trả lời, kết quả tự đánh giá, thông báo) trong kỳ; nhiều người, nhiều kênh của cùng một hộ chỉ tính một hộ. "
        + $"Tỷ lệ = số hộ đã tiếp cận ÷ tổng số hộ nghèo, cận nghèo của danh sách, so với chỉ tiêu {VietnameseFormat.Percent(Target)} "
        + "(Kế hoạch giảm nghèo bền vững năm 2022 của huyện Hải Hậu, mục II.2.2). Người tự khai là hộ nghèo, cận nghèo nhưng không có trong danh sách "
        + "được báo cáo riêng và không cộng vào tỷ lệ.";

    /// <summary>A commune's name; the empty code is the total line (all communes, or the officer's one).</summary>
    // The unit the code names, not its successor: a line by former unit reads "Xã Hải Châu", not today's "Xã Hải Thịnh".
    public string CommuneName(string code) => code.Length == 0 ? "Tổng cộng các xã" : content.ResolveCommune(code)?.Named.Name ?? code;

    /// <summary>The name of a line of this report: a commune officer's total is their commune's, not the whole area's.</summary>
    public string LineName(ReachResult r, ReachLine line) =>
        line.Commune.Length == 0 && r.Query.Commune is { } only ? $"Tổng cộng {CommuneName(only)}" : CommuneName(line.Commune);

    /// <summary>Every turn's content has a topic; only announcements (written to everyone or a segment) have none.</summary>
    public const string AnnouncementsWithoutTopic = "Thông báo (không theo chủ đề)";

    /// <summary>The breakdowns with words in place of codes: channel labels, topic labels, months as 9/2022.</summary>
    public IEnumerable<(string Kind, string Value, int Households)> Breakdowns(ReachResult r) =>
        r.ByChannel.Select(b => ("Kênh", ConsoleLabels.Channel(b.Key), b.Households))
            .Concat(r.ByTopic.Select(b => ("Chủ đề", b.Key.Length == 0 ? AnnouncementsWithoutTopic : ConsoleLabels.Topic(understanding, b.Key), b.Households)))
            .Concat(r.ByMonth.Select(b => ("Tháng", MonthName(b.Key), b.Households)));

    private static string MonthName(string yearMonth) =>
        yearMonth.Length == 7 ? $"{int.Parse(yearMonth[5..], CultureInfo.InvariantCulture)}/{yearMonth[..4]}" : yearMonth;

    public string Percent(ReachLine line) => line.Percent is { } p ? VietnameseFormat.Percent(p) : "—";

    public string Status(ReachLine line) => line.Percent is not { } p ? "Chưa có danh sách" : p >= Target ? "Đạt" : "Chưa đạt";

    public IReadOnlyList<ReachLine> Lines(ReachResult r) => [.. r.Communes, r.District];

    public string Csv(ReachResult r)
    {
        var sb = new StringBuilder();
        // Every field through SafeCells (issue 14), the numbers included: one rule for every export.
        sb.AppendCsvLine([Definition(r)], "\n");
        sb.Append("Xã,Hộ nghèo,Hộ cận nghèo,Tổng số hộ,Hộ nghèo đã tiếp cận,Hộ cận nghèo đã tiếp cận,Tổng số hộ đã tiếp cận,Tỷ lệ (%),Đánh giá\n");
        foreach (var line in Lines(r))
        {
            sb.AppendCsvLine([LineName(r, line), Digits(line.Poor), Digits(line.NearPoor), Digits(line.Households), Digits(line.ReachedPoor),
                Digits(line.ReachedNearPoor), Digits(line.Reached), line.Percent?.ToString("0.0", CultureInfo.InvariantCulture), Status(line)], "\n");
        }

        sb.Append("\nNgười tự khai nghèo/cận nghèo không có trong danh sách (không tính vào tỷ lệ)\nXã/thị trấn,Tự khai nghèo,Tự khai cận nghèo\n");
        foreach (var line in r.SelfDeclared)
        {
            sb.AppendCsvLine([line.Commune is null ? "Không rõ" : CommuneName(line.Commune), Digits(line.Poor), Digits(line.NearPoor)], "\n");
        }

        sb.Append("\nSố hộ trong danh sách đã tiếp cận, phân theo\nPhân theo,Giá trị,Số hộ\n");
        foreach (var (kind, value, households) in Breakdowns(r))
        {
            sb.AppendCsvLine([kind, value, Digits(households)], "\n");
        }
        return sb.ToString();
    }

    /// <summary>Sheets: the table (numeric cells, so staff can sum and chart them), the breakdowns, and the definition.</summary>
    public byte[] Xlsx(ReachResult r)
    {
        var table = Lines(r).Select(line => new Dictionary<string, object?>
        {
            ["Xã"] = LineName(r, line),
            ["Hộ nghèo"] = line.Poor,
            ["Hộ cận nghèo"] = line.NearPoor,
            ["Tổng số hộ"] = line.Households,
            ["Hộ nghèo đã tiếp cận"] = line.ReachedPoor,
            ["Hộ cận nghèo đã tiếp cận"] = line.ReachedNearPoor,
            ["Tổng số hộ đã tiếp cận"] = line.Reached,
            ["Tỷ lệ (%)"] = line.Percent,
            ["Chỉ tiêu (%)"] = Target,
            ["Đánh giá"] = Status(line),
        }).ToList();
        var breakdowns = Breakdowns(r).Select(b => new Dictionary<string, object?> { ["Phân theo"] = b.Kind, ["Giá trị"] = b.Value, ["Số hộ đã tiếp cận"] = b.Households }).ToList();
        var self = r.SelfDeclared.Select(s => new Dictionary<string, object?>
        {
            ["Xã"] = s.Commune is null ? "Không rõ" : CommuneName(s.Commune),
            ["Tự khai nghèo"] = s.Poor,
            ["Tự khai cận nghèo"] = s.NearPoor,
        }).ToList();
        var sheets = new Dictionary<string, object>
        {
            ["Ty le tiep can"] = SafeCells.Rows(table),
            ["Phan tich"] = SafeCells.Rows(breakdowns),
            ["Tu khai ngoai danh sach"] = SafeCells.Rows(self),
            ["Dinh nghia"] = SafeCells.Rows([new Dictionary<string, object?> { ["Định nghĩa"] = Definition(r) }]),
        };
        using var stream = new MemoryStream();
        MiniExcelLibs.MiniExcel.SaveAs(stream, sheets);
        return stream.ToArray();
    }

    public object Json(ReachResult r) => new
    {
        definition = Definition(r),
        from = r.Query.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        to = r.Query.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        listYear = r.Query.ListYear,
        commune = r.Query.Commune,
        targetPercent = Target,
        communes = r.Communes.Select(Line).ToList(),
        district = Line(r.District),
        byChannel = r.ByChannel,
        byTopic = r.ByTopic,
        byMonth = r.ByMonth,
        selfDeclaredNotOnList = r.SelfDeclared,
    };

    private object Line(ReachLine l) => new
    {
        commune = l.Commune.Length == 0 ? null : l.Commune,
        name = CommuneName(l.Commune),
        poor = l.Poor,
        nearPoor = l.NearPoor,
        households = l.Households,
        reachedPoor = l.ReachedPoor,
        reachedNearPoor = l.ReachedNearPoor,
        reached = l.Reached,
        percent = l.Percent,
        meetsTarget = l.Percent >= Target,
    };

    private static string Digits(int value) => value.ToString(CultureInfo.InvariantCulture);
}
