using HaiHau.InfoBot.Core.Content;
using HaiHau.InfoBot.Core.Listings;
using HaiHau.InfoBot.Core.Screening;
using HaiHau.InfoBot.Core.Understanding;
using HaiHau.InfoBot.Host.OfficerConsole;

namespace HaiHau.InfoBot.Host.Stats;

/// <summary>Words for the codes the statistics group by: communes, screener classes, subscription topics.</summary>
public sealed class StatsLabels(IContentStore content, IQuestionUnderstanding understanding)
{
    public const string UnknownCommune = "Chưa rõ xã (chưa đăng ký hoặc không đồng ý thống kê)";
    public const string AllCommunes = "Toàn bộ 8 xã";
    public const string AllTopics = "Tất cả chủ đề";
    public const string NoTopicChosen = "Chưa chọn chủ đề";

    /// <summary>Today's commune for a code of any period (a profile saved under Hải Châu counts under Hải Thịnh), or null.</summary>
    public string? Today(string? code) => string.IsNullOrEmpty(code) ? null : content.FindCommune(code)?.Code;

    public string Commune(string? code) => code is null ? UnknownCommune : content.FindCommune(code)?.Name ?? code;

    public string Scope(string? commune) => commune is null ? AllCommunes : Commune(commune);

    public string Topic(string? topic) => topic switch
    {
        "all" => AllTopics,
        null or "" => NoTopicChosen,
        _ => ConsoleLabels.Topic(understanding, topic),
    };

    public static string News(string kind) => kind == Listing.WireName(ListingKind.Job) ? "Tin việc làm mới" : "Tin khóa học nghề mới";

    public static string ScreenerResult(string wire) => wire switch
    {
        _ when wire == ScreeningResult.WireName(Classification.Poor) => "Có thể thuộc hộ nghèo",
        _ when wire == ScreeningResult.WireName(Classification.NearPoor) => "Có thể thuộc hộ cận nghèo",
        _ when wire == ScreeningResult.WireName(Classification.Average) => "Có thể thuộc hộ có mức sống trung bình",
        _ when wire == ScreeningResult.WireName(Classification.IncomeAtOrBelowLine) => "Thu nhập dưới chuẩn, chưa rõ chỉ số thiếu hụt",
        _ when wire == ScreeningResult.WireName(Classification.NotPoor) => "Thu nhập trên chuẩn, không thuộc diện nghèo, cận nghèo",
        _ => "Trên chuẩn cận nghèo",
    };

    /// <summary>Every class in the order of the scale, so a table shows a 0 rather than leaving a class out.</summary>
    public static IReadOnlyList<string> ScreenerResults { get; } = Enum.GetValues<Classification>().Select(ScreeningResult.WireName).ToList();
}
