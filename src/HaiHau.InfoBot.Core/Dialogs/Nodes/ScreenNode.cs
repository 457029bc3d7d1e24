using System.Globalization;
using HaiHau.InfoBot.Core.Content;
using HaiHau.InfoBot.Core.Loading;
using HaiHau.InfoBot.Core.Screening;
using HaiHau.InfoBot.Core.Text;

namespace HaiHau.InfoBot.Core.Dialogs.Nodes;

/// <summary>
/// Runs the poverty screener on the answers this dialog collected and keeps the estimate in variables, so the
/// dialog's own texts explain it (branch on <c>ket_qua</c>). It stores nothing beyond the dialog: the answers and
/// the estimate are forgotten when the dialog ends, and the stored turn event says only that a screening was done
/// (its class reaches only an anonymous per-day tally).
/// The rule set and the commune map are those of the day the bot speaks (the engine's clock, Vietnam time).
/// <code>
/// - id: tinh
///   type: screen
///   commune: xa                  # var with a commune code (ask_commune), or
///   area: khu_vuc                # var with "rural" / "former_town" when the commune is not known
///   members: so_nguoi
///   household_income: thu_nhap_ho    # one of the two incomes, đồng per month
///   person_income: thu_nhap_nguoi
///   indicators:                  # the 12 of NĐ 07/2021, by code; each var holds yes / no / unknown
///     - { code: viec-lam, var: cs1, label: "việc làm" }                     # "yes" means deprived
///     - { code: vien-thong, var: cs11, label: "dịch vụ viễn thông", deprived_if: "no" }   # asked the other way round
///     …
///   next: noi-ket-qua
/// </code>
/// Sets: <c>ket_qua</c> (poor, near_poor, average, above; under a standard whose indicators are not known:
/// income_at_or_below_line, not_poor), <c>thu_nhap_binh_quan</c>, <c>chuan_thu_nhap</c>, <c>chenh_lech</c> (distance
/// to the line), <c>nguong_thieu_hut</c> (the rule set's deprivation threshold on the day, from its own fact, so a
/// text reached only under that rule set never reads the fact on a day it has no confirmed value; empty while the
/// standard's indicators are not known), <c>so_chi_so_thieu</c>, <c>chi_so_thieu</c> and <c>chi_so_khong_biet</c> (labels), <c>chuan_moi</c>
/// and <c>ngay_chuan_moi</c> (the next period's line and its first day, when within 60 days), and "yes" or nothing in
/// <c>thanh_thi</c>, <c>thi_tran_cu</c> (a former town was named: its classification is for UBND xã to confirm),
/// <c>co_the_ngheo</c> (the unknown answers could make it poor), <c>chi_so_chua_ro</c> (the standard's indicators are
/// not known), <c>gan_chuan_moi</c> (income at or below the coming line) and <c>chuan_het_han</c> (the rules' legal
/// period is over).
/// </summary>
public sealed class ScreenNode : DialogNode
{
    /// <summary>The "area" answer for a household in a former town whose name was not recognised.</summary>
    public const string FormerTownArea = "former_town";

    /// <summary>Data of <see cref="EventKinds.ScreeningCompleted"/>: the class (<see cref="ScreeningResult.WireName(Classification)"/>).</summary>
    public const string ResultData = "result";

    /// <summary>Data of <see cref="EventKinds.ScreeningCompleted"/>: today's commune code the resident named, when known.</summary>
    public const string CommuneData = "commune";

    /// <summary>The last day the three towns existed (and the urban line applied to them): 30/6/2025.</summary>
    private static readonly DateOnly FormerTownsUrbanUntil = new(2025, 6, 30);

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
        var known = DeprivationIndicators.Nd07Of2021.Select(i => i.Code).ToList();
        foreach (var map in reader.MapList(seed.Map, "indicators", required: true))
        {
            reader.OnlyKnownFields(map, "an indicator", "code", "var", "label", "deprived_if");
            var deprivedIf = reader.OptionalString(map, "deprived_if") ?? "yes";
            if (deprivedIf is not ("yes" or "no"))
            {
                reader.Report(map.Get("deprived_if")!.Location, $"deprived_if must be \"yes\" or \"no\", not \"{deprivedIf}\"");
            }

            var code = reader.RequiredString(map, "code", "indicator");
            if (code.Length > 0 && !known.Contains(code))
            {
                reader.Report(map.Get("code")!.Location, $"indicator code \"{code}\" is not one of NĐ 07/2021 ({string.Join(", ", known)})");
            }

            indicators.Add(new Indicator(code, reader.RequiredString(map, "var", "indicator"), reader.RequiredString(map, "label", "indicator"), deprivedIf, map.Location));
        }

        var missing = known.Except(indicators.Select(i => i.Code)).ToList();
        if (missing.Count > 0 || indicators.Count != known.Count)
        {
            reader.Report(seed.At("indicators"), $"screen needs each of the {known.Count} indicators of NĐ 07/2021 once, by code (missing: {string.Join(", ", missing)})");
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

    public override IEnumerable<string> FactKeys() => PovertyRuleSets.All.SelectMany(r => r.FactKeys).Distinct();

    public override NodeOutcome Enter(TurnContext turn)
    {
        var today = PovertyRuleSets.Today(turn.Services.Time);
        var read = ReadInput(turn, today);
        var formerTown = read?.FormerTown ?? false;
        var result = read is { } r ? PovertyRuleSets.Screen(r.Input, turn.Services.Content, today) : null;
        if (result is null)
        {
            // Only a dialog that reaches this node without its answers gets here: say nothing wrong, explain nothing.
            turn.Set("ket_qua", string.Empty, conversationScope: false);
            return ToNext();
        }

        // The class and commune travel only as event data: the store counts them in an anonymous tally, never with the conversation.
        var data = new Dictionary<string, string>(StringComparer.Ordinal) { [ResultData] = ScreeningResult.WireName(result.Classification) };
        if (CommuneVar is not null && turn.Get(CommuneVar) is { } communeCode && turn.Services.Content.FindCommune(communeCode) is { } screenedIn)
        {
            data[CommuneData] = screenedIn.Code;
        }

        turn.Log(EventKinds.ScreeningCompleted, data: data);
        Set(turn, "ket_qua", ScreeningResult.WireName(result.Classification));
        Set(turn, "thu_nhap_binh_quan", Whole(result.PerCapitaIncome));
        Set(turn, "chuan_thu_nhap", Whole(result.IncomeLine));
        Set(turn, "chenh_lech", Math.Ceiling(Math.Abs(result.AboveLineBy)).ToString(CultureInfo.InvariantCulture));
        Set(turn, "nguong_thieu_hut", result.IndicatorsKnown ? result.DeprivationThreshold.ToString(CultureInfo.InvariantCulture) : string.Empty);
        Set(turn, "so_chi_so_thieu", result.DeprivedCount.ToString(CultureInfo.InvariantCulture));
        Set(turn, "chi_so_thieu", Labels(result.Deprived));
        Set(turn, "chi_so_khong_biet", Labels(result.Unknown));
        Set(turn, "thanh_thi", Flag(result.Area == AreaKind.Urban));
        Set(turn, "thi_tran_cu", Flag(formerTown));
        Set(turn, "co_the_ngheo", Flag(result.UnknownCouldMakePoor));
        Set(turn, "chi_so_chua_ro", Flag(!result.IndicatorsKnown));
        Set(turn, "chuan_moi", result.NextLine is { } next ? Whole(next) : string.Empty);
        Set(turn, "ngay_chuan_moi", result.NextLineFrom is { } from ? VietnameseFormat.Date(from) : string.Empty);
        Set(turn, "gan_chuan_moi", Flag(result.NearComingLine));
        Set(turn, "chuan_het_han", Flag(result.PeriodEnded));
        return ToNext();
    }

    private (ScreeningInput Input, bool FormerTown)? ReadInput(TurnContext turn, DateOnly today)
    {
        var content = turn.Services.Content;
        (AreaKind Area, bool FormerTown)? area = null;
        if (CommuneVar is not null && turn.Get(CommuneVar) is { } code && content.FindCommune(code) is { } commune)
        {
            // The unit the resident named (a former xã or town) decides the area while it existed; today's after.
            var named = turn.Get(AskCommuneNode.NamedVar) is { } n && content.ResolveCommune(n) is { Current: { } now } r && now.Code == commune.Code
                ? r.Named
                : commune;
            area = CommuneMap.AreaOn(content, named, today);
        }
        else if (AreaVar is not null && turn.Get(AreaVar) is { } a && a is "rural" or "urban" or FormerTownArea)
        {
            area = a switch
            {
                "urban" => (AreaKind.Urban, false),
                FormerTownArea => today <= FormerTownsUrbanUntil ? (AreaKind.Urban, false) : (AreaKind.Rural, true),
                _ => (AreaKind.Rural, false),
            };
        }

        var members = Decimal(turn, MembersVar);
        var (income, perPerson) = Decimal(turn, PersonIncomeVar) is { } p ? (p, true) : (Decimal(turn, HouseholdIncomeVar), false);
        if (area is null || members is not >= 1 || income is null)
        {
            return null;
        }

        var answers = Indicators.Select(ind => (ind.Code, Answer: turn.Get(ind.Var), ind.DeprivedIf)).ToList();
        var input = new ScreeningInput(area.Value.Area, (int)members, income.Value, perPerson,
            answers.Where(a => a.Answer == a.DeprivedIf).Select(a => a.Code).ToList(),
            answers.Where(a => a.Answer == "unknown").Select(a => a.Code).ToList());
        return input.Problems().Count == 0 ? (input, area.Value.FormerTown) : null;
    }

    private string Labels(IReadOnlyList<string> codes) => string.Join("; ", codes.Select(c => Indicators.First(i => i.Code == c).Label));

    private static decimal? Decimal(TurnContext turn, string? var) =>
        var is not null && turn.Get(var) is { } text && decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static string Whole(decimal value) => Math.Round(value, 0, MidpointRounding.AwayFromZero).ToString(CultureInfo.InvariantCulture);

    private static string Flag(bool value) => value ? "yes" : string.Empty;

    private static void Set(TurnContext turn, string name, string value) => turn.Set(name, value, conversationScope: false);

    public override IEnumerable<(string Text, SourceLocation At)> Texts() => Indicators.Select(i => (i.Label, i.At));

    /// <summary>One question's indicator code, its variable, the words that name it, and which answer means deprived.</summary>
    public sealed record Indicator(string Code, string Var, string Label, string DeprivedIf, SourceLocation At);
}
