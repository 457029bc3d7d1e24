using System.ComponentModel;
using System.Globalization;
using HaiHau.InfoBot.Core.Content;
using HaiHau.InfoBot.Core.Listings;
using HaiHau.InfoBot.Core.Screening;
using HaiHau.InfoBot.Core.Text;
using HaiHau.InfoBot.Core.Understanding;
using Microsoft.SemanticKernel;

namespace HaiHau.InfoBot.Host.Answerer;

/// <summary>
/// The bot's own knowledge as kernel functions the model may call: the facts in force, the screener, the job and
/// course listings, the referral table. What a function returns is our content, so it joins the composition's
/// <see cref="Grounding"/>: a per-person income the screener worked out may then be stated.
/// One instance per composition (it holds that composition's grounding).
/// </summary>
public sealed class AnswerTools(IContentStore content, IQuestionUnderstanding understanding, IListingSource listings, DateOnly day, Grounding grounding)
{
    public const string PluginName = "haihau";

    /// <summary>The functions called, in order (for tests and the log).</summary>
    public List<string> Called { get; } = [];

    [KernelFunction("so_lieu"), Description("Tra số liệu đang áp dụng hôm nay (chuẩn nghèo, mức hỗ trợ, mức vay...) theo từ khóa.")]
    public string Facts([Description("Từ khóa, ví dụ: chuẩn nghèo nông thôn")] string tuKhoa)
    {
        var words = VietnameseText.Fold(tuKhoa).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var found = (content as ContentCatalog)?.Facts
            .Where(f => f.On(day) is { Confirmed: true } && words.Length > 0 && words.All(w => VietnameseText.Fold(f.Label).Contains(w, StringComparison.Ordinal)))
            .Take(8).Select(f => $"{f.Label}: {FactFormatter.Format(f, day)}").ToList() ?? [];
        return Ground("so_lieu", found.Count == 0 ? "Không có số liệu đã xác nhận cho từ khóa này." : string.Join('\n', found));
    }

    [KernelFunction("uoc_tinh_ho_ngheo"), Description("Ước tính hộ nghèo theo thu nhập (chỉ là ước tính, UBND xã mới quyết định).")]
    public string Screen(
        [Description("Số người trong hộ")] int soNguoi,
        [Description("Tổng thu nhập cả hộ mỗi tháng, đồng")] decimal thuNhapThang,
        [Description("true nếu ở thành thị")] bool thanhThi = false)
    {
        var input = new ScreeningInput(thanhThi ? AreaKind.Urban : AreaKind.Rural, soNguoi, thuNhapThang, false, [], []);
        if (input.Problems().Count > 0 || PovertyRuleSets.Screen(input, content, day) is not { } result)
        {
            return Ground("uoc_tinh_ho_ngheo", "Không ước tính được với số liệu này.");
        }

        var verdict = result.IncomeAtOrBelowLine ? "thu nhập bằng hoặc thấp hơn chuẩn nghèo" : "thu nhập cao hơn chuẩn nghèo";
        return Ground("uoc_tinh_ho_ngheo", string.Create(CultureInfo.InvariantCulture,
            $"Thu nhập bình quân {VietnameseFormat.Money(Math.Round(result.PerCapitaIncome))}/người/tháng; chuẩn nghèo {VietnameseFormat.Money(result.IncomeLine)}; {verdict}. Đây chỉ là ước tính, UBND xã nơi bác ở rà soát mới quyết định."));
    }

    [KernelFunction("tim_viec_lam_khoa_hoc"), Description("Tìm việc làm hoặc khóa học nghề đang mở.")]
    public string Listings(
        [Description("\"viec_lam\" hoặc \"khoa_hoc\"")] string loai,
        [Description("Từ khóa, có thể để trống")] string? tuKhoa = null)
    {
        var kind = loai.Contains("khoa", StringComparison.OrdinalIgnoreCase) ? ListingKind.Course : ListingKind.Job;
        var found = ListingSearch.Find(listings.All(kind), day, tuKhoa);
        return Ground("tim_viec_lam_khoa_hoc", found.Count == 0
            ? "Hiện chưa có tin nào phù hợp."
            : string.Join('\n', found.Select(l => $"{l.Title} ({l.Provider}{(l.Place is null ? string.Empty : ", " + l.Place)}), hạn {VietnameseFormat.Date(l.Deadline)}")));
    }

    [KernelFunction("noi_giai_quyet"), Description("Tìm nơi giải quyết một việc không thuộc chương trình giảm nghèo.")]
    public string Referral([Description("Việc người dân hỏi")] string viec)
    {
        if (understanding is not QuestionUnderstanding known)
        {
            return Ground("noi_giai_quyet", "UBND xã nơi bác ở (Phòng Văn hóa – Xã hội).");
        }

        var referral = known.Referrals.For(viec);
        return Ground("noi_giai_quyet", referral is null ? "UBND xã nơi bác ở (Phòng Văn hóa – Xã hội)." : $"{referral.Name}: {referral.Say}");
    }

    private string Ground(string function, string result)
    {
        lock (Called)
        {
            Called.Add(function);
            grounding.Add(result);
        }

        return result;
    }
}
