using System.Globalization;
using System.Text;
using HaiHau.InfoBot.Core.Text;
using HaiHau.InfoBot.Host.Exports;

namespace HaiHau.InfoBot.Host.Stats;

/// <summary>
/// The monthly report's words and files: the summary lines, the definitions, CSV and XLSX. Numbers stay numbers in
/// the XLSX (staff sum and chart them); every text cell goes through <see cref="SafeCells"/>, as in every export.
/// </summary>
public static class StatsExports
{
    public const string GuessedLabel = "Trả lời do trợ lý tự đoán";

    public const string GuessedConfirmedLabel = "Trả lời tự đoán được cán bộ xác nhận đúng";

    public const string GuessedCorrectedLabel = "Trả lời tự đoán được cán bộ sửa lại";

    /// <summary>The headline figures, in the order the report reads them: (section, figure, this period vs previous).</summary>
    public static IEnumerable<(string Section, string Label, Compared Value)> Summary(StatsReport r)
    {
        yield return ("Người dân", "Người dân mới", r.Residents.New);
        yield return ("Người dân", "Người dân có nhắn tin", r.Residents.Active);
        yield return ("Người dân", "Người dân quay lại", r.Residents.Returning);
        yield return ("Cuộc trò chuyện", "Cuộc trò chuyện", r.Conversations.Total);
        yield return ("Cuộc trò chuyện", "Cuộc trò chuyện của người mới", r.Conversations.New);
        yield return ("Cuộc trò chuyện", "Cuộc trò chuyện của người quay lại", r.Conversations.Returning);
        yield return ("Tin nhắn", "Tin nhắn đến", new Compared(r.MessagesByChannel.Sum(m => m.In.Current), r.MessagesByChannel.Sum(m => m.In.Previous)));
        yield return ("Tin nhắn", "Tin nhắn đi", new Compared(r.MessagesByChannel.Sum(m => m.Out.Current), r.MessagesByChannel.Sum(m => m.Out.Previous)));
        yield return ("Câu hỏi", "Câu hỏi", r.Unanswered.Questions);
        yield return ("Câu hỏi", "Trả lời được", r.Unanswered.Answered);
        yield return ("Câu hỏi", "Hỏi lại người dân (chọn chủ đề)", r.Unanswered.AskedBack);
        yield return ("Câu hỏi", "Chuyển đến nơi có thẩm quyền", r.Unanswered.Referred);
        yield return ("Câu hỏi", "Chưa hiểu câu hỏi", r.Unanswered.NotUnderstood);
        yield return ("Câu hỏi", "Xin gặp cán bộ", r.Unanswered.OfficerRequests);
        yield return ("Câu hỏi", GuessedLabel, r.Unanswered.Guessed);
        yield return ("Câu hỏi", GuessedConfirmedLabel, r.Unanswered.GuessedConfirmed);
        yield return ("Câu hỏi", GuessedCorrectedLabel, r.Unanswered.GuessedCorrected);
        yield return ("Tự đánh giá hộ nghèo", "Lượt bắt đầu", r.Screener.Runs);
        yield return ("Tự đánh giá hộ nghèo", "Lượt hoàn thành", r.Screener.Completions);
        yield return ("Đăng ký nhận tin", "Bắt đầu đăng ký", r.Registrations.Started);
        yield return ("Đăng ký nhận tin", "Đồng ý (nhận tin hoặc thống kê)", r.Registrations.Consented);
        yield return ("Đăng ký nhận tin", "Liên kết với hộ trong danh sách", r.Registrations.Linked);
    }

    /// <summary>What each figure counts, printed with every report so a reader never guesses.</summary>
    public static IReadOnlyList<(string Term, string Meaning)> Definitions(StatsReport r) =>
    [
        ("Kỳ báo cáo", $"Từ {VietnameseFormat.Date(r.Period.From)} đến {VietnameseFormat.Date(r.Period.To)} ({VietnameseFormat.Number(r.Period.Days)} ngày, giờ Việt Nam), "
            + $"so với kỳ trước cùng độ dài từ {VietnameseFormat.Date(r.Period.PreviousFrom)} đến {VietnameseFormat.Date(r.Period.PreviousTo)}. Phạm vi: {r.Period.CommuneName}."),
        ("Người dân", "Một người trên một kênh (Telegram, Zalo hoặc trò chuyện trên trang web). Mới: lần đầu nhắn trong kỳ; có nhắn tin: nhắn ít nhất một tin trong kỳ; quay lại: có nhắn tin trong kỳ và đã nhắn từ trước kỳ."),
        ("Cuộc trò chuyện", "Bắt đầu từ tin nhắn đầu tiên của người dân trong kỳ, và lại bắt đầu mới sau một thời gian không nhắn (khi trợ lý chào lại từ đầu)."),
        ("Tin nhắn đến, đi", "Đến: tin người dân gửi. Đi: tin trợ lý đã gửi đi (trả lời và thông báo); trên trang web, tin đi được tính khi người dân mở trò chuyện và đã nhận."),
        ("Câu hỏi", "Mỗi lần người dân gõ câu hỏi bằng lời. Trả lời được: trợ lý trả lời hoặc mở đúng mục; hỏi lại: hai chủ đề gần nhau, trợ lý hỏi người dân chọn; "
            + "chuyển: trợ lý chỉ đến cơ quan có thẩm quyền; chưa hiểu: trợ lý chưa hiểu, mời hỏi UBND xã. Tỷ lệ tính trên tổng số câu hỏi của chủ đề. "
            + "Xin gặp cán bộ: số lần người dân bấm «Gặp cán bộ» hoặc gõ xin gặp cán bộ, ở bất cứ mục nào (trợ lý chỉ nơi liên hệ). "
            + "Trả lời do trợ lý tự đoán: trong số trả lời được, những câu hỏi dài mà trợ lý tự đoán câu trả lời; cán bộ xem lại ở trang «Câu hỏi chưa trả lời»: "
            + "xác nhận đúng (bấm «Đúng rồi») hoặc sửa lại (gắn câu trả lời đúng, đánh dấu cần viết câu hỏi mới). Hai số này tính đến lúc lập báo cáo, "
            + "nên số của kỳ đã qua còn tăng khi cán bộ xem lại thêm."),
        ("Tự đánh giá hộ nghèo", "Lượt bắt đầu và lượt có kết quả. Kết quả chỉ được đếm theo ngày và xã, không gắn với người nào (không lưu kết quả của người dân)."),
        ("Đăng ký nhận tin", "Bắt đầu: người mở mục «Đăng ký nhận tin»; đồng ý: người đồng ý nhận tin hoặc được tính vào thống kê; liên kết: người được liên kết với một hộ trong danh sách hộ của xã. "
            + "Người nhận tin theo chủ đề: đang nhận thông báo (chưa dừng), tính đến hôm nay."),
        ("Thông báo", "Đã gửi: gửi tới Telegram, Zalo, hoặc đã hiện trong trò chuyện trên trang web; đã xem: chỉ trang web cho biết (người dân đã mở trò chuyện); "
            + "chưa xem: người dùng trang web chưa mở lại trò chuyện; đang chờ gửi: giờ nghỉ đêm hoặc đang giãn nhịp gửi; không liên lạc được: người dân đã chặn hoặc bỏ theo dõi."),
        ("Theo xã", "Một người dân thuộc một xã khi đã đăng ký xã và đồng ý được tính vào thống kê (thông báo: xã đã đăng ký nhận tin). Các xã cũ được tính vào xã hiện nay."),
        ("Tỷ lệ tiếp cận", r.Reach.Definition),
    ];

    public static string Csv(StatsReport r)
    {
        var sb = new StringBuilder();
        sb.AppendCsvLine(["Báo cáo thống kê trợ lý giảm nghèo Hải Hậu", $"{VietnameseFormat.Date(r.Period.From)} – {VietnameseFormat.Date(r.Period.To)}", r.Period.CommuneName], "\n");
        sb.Append("\nPhần,Chỉ số,Kỳ này,Kỳ trước,Thay đổi\n");
        foreach (var (section, label, v) in Summary(r))
        {
            sb.AppendCsvLine([section, label, D(v.Current), D(v.Previous), D(v.Change)], "\n");
        }

        sb.Append("\nKênh,Tin đến,Tin đến kỳ trước,Tin đi,Tin đi kỳ trước\n");
        foreach (var m in r.MessagesByChannel)
        {
            sb.AppendCsvLine([m.Label, D(m.In.Current), D(m.In.Previous), D(m.Out.Current), D(m.Out.Previous)], "\n");
        }

        sb.Append("\nChủ đề,Câu hỏi,Trả lời được,Hỏi lại,Chuyển,Chưa hiểu,Tỷ lệ trả lời được (%)\n");
        foreach (var t in r.QuestionsByTopic)
        {
            sb.AppendCsvLine([t.Label, D(t.Total.Current), D(t.Answered), D(t.AskedBack), D(t.Referred), D(t.NotUnderstood), P(t.AnsweredPercent)], "\n");
        }

        sb.Append("\nKết quả tự đánh giá,Số lượt,Kỳ trước\n");
        foreach (var x in r.Screener.Results)
        {
            sb.AppendCsvLine([x.Label, D(x.Count.Current), D(x.Count.Previous)], "\n");
        }

        sb.Append("\nChủ đề nhận tin,Số người nhận tin\n");
        foreach (var t in r.Registrations.SubscribersByTopic)
        {
            sb.AppendCsvLine([t.Label, D(t.Subscribers)], "\n");
        }

        sb.Append("\nThông báo,Ngày gửi,Số người nhận,Đã gửi,Lỗi,Không liên lạc được,Chưa xem (web),Đã xem (web),Đang chờ gửi\n");
        foreach (var a in r.Announcements.Items.Concat(r.Announcements.ByCommune).Append(r.Announcements.Total))
        {
            sb.AppendCsvLine([a.Name, a.Scheduled is { } d ? VietnameseFormat.Date(d) : "", D(a.Targeted), D(a.Delivered), D(a.Failed), D(a.Unreachable), D(a.NotYetSeen), D(a.Opened), D(a.Waiting)], "\n");
        }

        sb.Append(CultureInfo.InvariantCulture, $"\nXã,Tổng số hộ,Đã tiếp cận,Chưa tiếp cận,Tỷ lệ (%),Kỳ trước (%),Chỉ tiêu (%),Đánh giá\n");
        foreach (var c in r.Reach.Communes.Append(r.Reach.Total))
        {
            sb.AppendCsvLine([c.Name, D(c.Households), D(c.Reached), D(c.NotReached), P(c.Percent), P(c.PreviousPercent), P(r.Reach.TargetPercent), Status(c)], "\n");
        }

        sb.Append("\nThuật ngữ,Định nghĩa\n");
        foreach (var (term, meaning) in Definitions(r))
        {
            sb.AppendCsvLine([term, meaning], "\n");
        }

        return sb.ToString();
    }

    /// <summary>One sheet per table; counts and percentages are numeric cells.</summary>
    public static byte[] Xlsx(StatsReport r)
    {
        static Dictionary<string, object?> Row(params (string Key, object? Value)[] cells) => cells.ToDictionary(c => c.Key, c => c.Value, StringComparer.Ordinal);
        var sheets = new Dictionary<string, object>
        {
            ["Tong quan"] = SafeCells.Rows(Summary(r).Select(s => Row(("Phần", s.Section), ("Chỉ số", s.Label), ("Kỳ này", s.Value.Current), ("Kỳ trước", s.Value.Previous), ("Thay đổi", s.Value.Change)))),
            ["Tin nhan theo kenh"] = SafeCells.Rows(r.MessagesByChannel.Select(m => Row(("Kênh", m.Label), ("Tin đến", m.In.Current), ("Tin đến kỳ trước", m.In.Previous), ("Tin đi", m.Out.Current), ("Tin đi kỳ trước", m.Out.Previous)))),
            ["Cau hoi theo chu de"] = SafeCells.Rows(r.QuestionsByTopic.Select(t => Row(("Chủ đề", t.Label), ("Câu hỏi", t.Total.Current), ("Kỳ trước", t.Total.Previous), ("Trả lời được", t.Answered),
                ("Hỏi lại", t.AskedBack), ("Chuyển", t.Referred), ("Chưa hiểu", t.NotUnderstood), ("Tỷ lệ trả lời được (%)", t.AnsweredPercent)))),
            ["Tu danh gia"] = SafeCells.Rows(r.Screener.Results.Select(x => Row(("Kết quả", x.Label), ("Số lượt", x.Count.Current), ("Kỳ trước", x.Count.Previous)))),
            ["Nhan tin theo chu de"] = SafeCells.Rows(r.Registrations.SubscribersByTopic.Select(t => Row(("Chủ đề", t.Label), ("Số người nhận tin", t.Subscribers)))),
            ["Thong bao"] = SafeCells.Rows(r.Announcements.Items.Concat(r.Announcements.ByCommune).Append(r.Announcements.Total).Select(a => Row(("Thông báo / xã", a.Name),
                ("Ngày gửi", a.Scheduled is { } d ? VietnameseFormat.Date(d) : null), ("Số người nhận", a.Targeted), ("Đã gửi", a.Delivered), ("Lỗi", a.Failed),
                ("Không liên lạc được", a.Unreachable), ("Chưa xem (web)", a.NotYetSeen), ("Đã xem (web)", a.Opened), ("Đang chờ gửi", a.Waiting)))),
            ["Tiep can"] = SafeCells.Rows(r.Reach.Communes.Append(r.Reach.Total).Select(c => Row(("Xã", c.Name), ("Tổng số hộ", c.Households), ("Đã tiếp cận", c.Reached),
                ("Chưa tiếp cận", c.NotReached), ("Tỷ lệ (%)", c.Percent), ("Kỳ trước (%)", c.PreviousPercent), ("Chỉ tiêu (%)", r.Reach.TargetPercent), ("Đánh giá", Status(c))))),
            ["Dinh nghia"] = SafeCells.Rows(Definitions(r).Select(d => Row(("Thuật ngữ", d.Term), ("Định nghĩa", d.Meaning)))),
        };
        using var stream = new MemoryStream();
        MiniExcelLibs.MiniExcel.SaveAs(stream, sheets);
        return stream.ToArray();
    }

    public static string Status(ReachCommune c) => c.Percent is null ? "Chưa có danh sách" : c.MeetsTarget ? "Đạt" : "Chưa đạt";

    private static string D(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string P(decimal? value) => value?.ToString("0.0", CultureInfo.InvariantCulture) ?? "";
}
