using System.Globalization;
using HaiHau.InfoBot.Core.Content;
using HaiHau.InfoBot.Core.Loading;
using HaiHau.InfoBot.Core.Screening;

namespace HaiHau.InfoBot.Core.Dialogs.Nodes;

/// <summary>
/// Runs the poverty screener on the answers this dialog collected and keeps the estimate in variables, so the
/// dialog's own texts explain it (branch on <c>ket_qua</c>). It stores nothing beyond the dialog: the answers and
/// the estimate are forgotten when the dialog ends, and the turn event says only that a screening was done.
/// <code>
/// - id: tinh
///   type: screen
///   commune: xa                  # var with a commune code (ask_commune), or
///   area: khu_vuc                # var with "rural" / "urban" when the commune is not known
///   members: so_nguoi
///   household_income: thu_nhap_ho    # one of the two incomes, đồng per month
///   person_income: thu_nhap_nguoi
///   indicators:                  # exactly 12, in the order of NĐ 07/2021; each var holds yes / no / unknown
///     - { var: cs1, label: "việc làm" }                        # "yes" means deprived
///     - { var: cs11, label: "dịch vụ viễn thông", deprived_if: "no" }   # the question asks the other way round
///     …
///   next: noi-ket-qua
/// </code>
/// Sets: <c>ket_qua</c> (poor, near_poor, average, above), <c>thu_nhap_binh_quan</c>, <c>chuan_thu_nhap</c>,
/// <c>chenh_lech</c> (distance to the line), <c>so_chi_so_thieu</c>, <c>chi_so_thieu</c> and
/// <c>chi_so_khong_biet</c> (labels), and "yes" or nothing in <c>thanh_thi</c>, <c>co_the_ngheo</c> (the unknown
/// answers could make it poor), <c>dang_ra_soat_dinh_ky</c> (today is within the yearly review) and
/// <c>chuan_het_han</c> (the rules' legal period is over).
/// </summary>
public sealed class ScreenNode : DialogNode
{
    public const string PeriodicReviewFrom = "ra-soat-dinh-ky-tu-ngay";
    public const string PeriodicReviewTo = "ra-soat-dinh-ky-den-ngay";

    public static readonly string[] Fields = [.. NodeSeed.CommonFields, "commune", "area", "members", "household_income", "person_income", "indicators"];

    public override string Type => "screen";

    public string? CommuneVar { get; init; }

    public string? AreaVar { get; init; }

    public required string MembersVar { get; init; }

    public string? HouseholdIncomeVar { get; init; }

    public string? PersonIncomeVar { get; init; }

    public required IReadOnlyList<Indicator> Indicators { get; init; }

    public static DialogNode Read(NodeSeed seed)
    {
        var reader = seed.Reader;
        var indicators = new List<Indicator>();
        foreach (var map in reader.MapList(seed.Map, "indicators", required: true))
        {
            reader.OnlyKnownFields(map, "an indicator", "var", "label", "deprived_if");
            var deprivedIf = reader.OptionalString(map, "deprived_if") ?? "yes";
            if (deprivedIf is not ("yes" or "no"))
            {
                reader.Report(map.Get("deprived_if")!.Location, $"deprived_if must be \"yes\" or \"no\", not \"{deprivedIf}\"");
            }

            indicators.Add(new Indicator(reader.RequiredString(map, "var", "indicator"), reader.RequiredString(map, "label", "indicator"), deprivedIf, map.Location));
        }

        if (indicators.Count != DeprivationIndicators.Count)
        {
            reader.Report(seed.At("indicators"), $"screen needs exactly {DeprivationIndicators.Count} indicators in the order of NĐ 07/2021, not {indicators.Count}");
        }

        var node = new ScreenNode
        {
            Id = seed.Id,
            Location = seed.Location,
            Next = seed.Next,
            CommuneVar = reader.OptionalString(seed.Map, "commune"),
            AreaVar = reader.OptionalString(seed.Map, "area"),
            MembersVar = reader.RequiredString(seed.Map, "members", $"node \"{seed.Id}\""),
            HouseholdIncomeVar = reader.OptionalString(seed.Map, "household_income"),
            PersonIncomeVar = reader.OptionalString(seed.Map, "person_income"),
            Indicators = indicators,
        };
        if (node.CommuneVar is null && node.AreaVar is null)
        {
            reader.Report(seed.Location, $"screen node \"{seed.Id}\" needs \"commune\" or \"area\" (where the household lives decides the income line)");
        }

        if (node.HouseholdIncomeVar is null && node.PersonIncomeVar is null)
        {
            reader.Report(seed.Location, $"screen node \"{seed.Id}\" needs \"household_income\" or \"person_income\"");
        }

        return node;
    }

    public override IEnumerable<string> FactKeys() =>
        PovertyRuleSets.All.SelectMany(r => r.FactKeys).Append(PeriodicReviewFrom).Append(PeriodicReviewTo).Distinct();

    public override NodeOutcome Enter(TurnContext turn)
    {
        var today = PovertyRuleSets.LocalDay(turn.Services.Time.GetUtcNow());
        var found = PovertyRuleSets.For(today);
        if (ReadInput(turn) is not { } input || found is null)
        {
            // Only a dialog that reaches this node without its answers gets here: say nothing wrong, explain nothing.
            turn.Set("ket_qua", string.Empty, conversationScope: false);
            return ToNext();
        }

        var (rules, ended) = found.Value;
        var result = rules.Classify(input, turn.Services.Content, ended);
        turn.Log(EventKinds.ScreeningCompleted);
        Set(turn, "ket_qua", ScreeningResult.WireName(result.Classification));
        Set(turn, "thu_nhap_binh_quan", Whole(result.PerCapitaIncome));
        Set(turn, "chuan_thu_nhap", Whole(result.IncomeLine));
        Set(turn, "chenh_lech", Math.Ceiling(Math.Abs(result.AboveLineBy)).ToString(CultureInfo.InvariantCulture));
        Set(turn, "so_chi_so_thieu", result.DeprivedCount.ToString(CultureInfo.InvariantCulture));
        Set(turn, "chi_so_thieu", Labels(result.Deprived));
        Set(turn, "chi_so_khong_biet", Labels(result.Unknown));
        Set(turn, "thanh_thi", Flag(result.Area == AreaKind.Urban));
        Set(turn, "co_the_ngheo", Flag(result.UnknownCouldMakePoor));
        Set(turn, "dang_ra_soat_dinh_ky", Flag(InPeriodicReview(turn.Services.Content, today)));
        Set(turn, "chuan_het_han", Flag(result.PeriodEnded));
        return ToNext();
    }

    private ScreeningInput? ReadInput(TurnContext turn)
    {
        var area = CommuneVar is not null && turn.Get(CommuneVar) is { } code && turn.Services.Content.FindCommune(code) is { } commune
            ? commune.Area
            : AreaVar is not null && turn.Get(AreaVar) is { } a && a is "rural" or "urban"
                ? (a == "urban" ? AreaKind.Urban : AreaKind.Rural)
                : (AreaKind?)null;
        var members = Decimal(turn, MembersVar);
        var (income, perPerson) = Decimal(turn, PersonIncomeVar) is { } p ? (p, true) : (Decimal(turn, HouseholdIncomeVar), false);
        if (area is null || members is not >= 1 || income is null)
        {
            return null;
        }

        var answers = Indicators.Select((ind, i) => (Number: i + 1, Answer: turn.Get(ind.Var), ind.DeprivedIf)).ToList();
        var input = new ScreeningInput(area.Value, (int)members, income.Value, perPerson,
            answers.Where(a => a.Answer == a.DeprivedIf).Select(a => a.Number).ToList(),
            answers.Where(a => a.Answer == "unknown").Select(a => a.Number).ToList());
        return input.Problems().Count == 0 ? input : null;
    }

    private string Labels(IReadOnlyList<int> numbers) => string.Join("; ", numbers.Select(n => Indicators[n - 1].Label));

    private static bool InPeriodicReview(IContentStore content, DateOnly today)
    {
        if (DayMonth(content, PeriodicReviewFrom) is not { } from || DayMonth(content, PeriodicReviewTo) is not { } to)
        {
            return false;
        }

        var day = (today.Month, today.Day);
        return day.CompareTo(from) >= 0 && day.CompareTo(to) <= 0;
    }

    private static (int Month, int Day)? DayMonth(IContentStore content, string key)
    {
        var parts = content.FindFact(key)?.Value.Split('/');
        return parts is [var d, var m] && int.TryParse(d, CultureInfo.InvariantCulture, out var day) && int.TryParse(m, CultureInfo.InvariantCulture, out var month)
            ? (month, day)
            : null;
    }

    private static decimal? Decimal(TurnContext turn, string? var) =>
        var is not null && turn.Get(var) is { } text && decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static string Whole(decimal value) => Math.Round(value, 0, MidpointRounding.AwayFromZero).ToString(CultureInfo.InvariantCulture);

    private static string Flag(bool value) => value ? "yes" : string.Empty;

    private static void Set(TurnContext turn, string name, string value) => turn.Set(name, value, conversationScope: false);

    public override IEnumerable<(string Text, SourceLocation At)> Texts() => Indicators.Select(i => (i.Label, i.At));

    /// <summary>One question's variable, the words that name the indicator, and which answer means deprived.</summary>
    public sealed record Indicator(string Var, string Label, string DeprivedIf, SourceLocation At);
}
