using System.CommandLine;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using HaiHau.InfoBot.Core.Content;
using HaiHau.InfoBot.Core.Screening;
using HaiHau.InfoBot.Core.Text;
using HaiHau.InfoBot.Host.Setup;

namespace HaiHau.InfoBot.Host.Cli;

/// <summary>
/// "screen": the screener's rules without the dialog, for a quick check at the commune office. Prints one JSON
/// object; bad input gets a Vietnamese and English message on stderr and exit code 1.
/// </summary>
public static class ScreenCommand
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // Vietnamese names stay readable
    };

    public static Command Create(TextWriter output, TextWriter error)
    {
        var commune = new Option<string>("--commune") { Description = "Commune, by code or a name of any period, diacritics optional (\"Hải Thịnh\", \"hai-chau\", \"TT Yên Định\").", Required = true };
        var members = new Option<string>("--members") { Description = "People in the household (1 or more).", Required = true };
        var income = new Option<string>("--income") { Description = "The household's total income per month, in đồng (5000000, \"5 triệu\").", Required = true };
        var deprived = new Option<string>("--deprived") { Description = "Deprived indicators, by code (viec-lam,bao-hiem-y-te) or numbered 1–12 as in NĐ 07/2021 (e.g. 1,4,7)." };
        var unknown = new Option<string>("--unknown") { Description = "Indicators the household could not answer (counted as not deprived)." };
        var date = new Option<string>("--date") { Description = "Use the rules, facts and commune map in force on this day (YYYY-MM-DD); default: today in Vietnam." };
        var command = new Command("screen", "Estimate a household's classification under the poverty standard (same rules as the chat); prints one JSON object.")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        foreach (var option in new[] { commune, members, income, deprived, unknown, date })
        {
            command.Options.Add(option);
        }

        command.SetAction(async (parse, ct) =>
        {
            var data = InfoBotServices.LoadBotData(CliConfiguration.Options(parse));
            if (!data.IsValid)
            {
                await error.WriteLineAsync("Dữ liệu nội dung có lỗi, chạy «validate» để xem. / The content has problems: run «validate».");
                return 1;
            }

            var problems = new List<string>();
            var resolution = CommuneMatcher.Resolve(data.Content, parse.GetValue(commune));
            if (resolution is null)
            {
                problems.Add($"Không tìm thấy xã «{parse.GetValue(commune)}» của huyện Hải Hậu cũ. / Unknown commune.");
            }

            var people = int.TryParse(parse.GetValue(members), NumberStyles.None, CultureInfo.InvariantCulture, out var m) && m >= 1 ? m : (int?)null;
            if (people is null)
            {
                problems.Add("Số người trong hộ phải là số nguyên từ 1 trở lên. / --members must be a whole number of 1 or more.");
            }

            var money = VietnameseNumber.Parse(parse.GetValue(income));
            if (money is not >= 0)
            {
                problems.Add("Thu nhập phải là số tiền đồng, từ 0 trở lên, ví dụ 5000000. / --income must be an amount in đồng, 0 or more.");
            }

            var deprivedList = Indicators(parse.GetValue(deprived), "--deprived", problems);
            var unknownList = Indicators(parse.GetValue(unknown), "--unknown", problems);
            var day = Day(parse.GetValue(date), problems);
            if (day is { } d0 && PovertyRuleSets.For(d0) is null)
            {
                problems.Add($"Không có bộ quy tắc cho ngày {day:dd/MM/yyyy} (chuẩn nghèo đa chiều áp dụng từ 2022). / No rule set for that day.");
            }

            if (problems.Count == 0)
            {
                var (area, formerTown) = CommuneMap.AreaOn(data.Content, resolution!.Named, day!.Value);
                var input = new ScreeningInput(area, people!.Value, money!.Value, PerPerson: false, deprivedList, unknownList);
                problems.AddRange(input.Problems().Select(p => $"Thông tin chưa hợp lệ. / {p}."));
                if (problems.Count == 0)
                {
                    var result = PovertyRuleSets.Screen(input, data.Content, day.Value)!;
                    await output.WriteLineAsync(JsonSerializer.Serialize(ToJson(result, resolution, formerTown, day.Value), Json));
                    return 0;
                }
            }

            foreach (var problem in problems)
            {
                await error.WriteLineAsync(problem);
            }

            return 1;
        });
        return command;
    }

    private static object ToJson(ScreeningResult r, CommuneResolution commune, bool formerTown, DateOnly day) => new
    {
        Classification = ScreeningResult.WireName(r.Classification),
        Area = ScreeningResult.WireName(r.Area),
        Date = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Commune = commune.Current?.Code,
        CommuneNamed = commune.Named.Code,
        CommuneNote = commune.NeedsChoice
            ? $"{commune.Named.Name} đã sáp nhập, chưa rõ nay thuộc xã nào: hỏi người dân xã hiện nay."
            : commune.Note,
        FormerTownAreaToConfirm = formerTown,
        PerCapitaIncome = Math.Round(r.PerCapitaIncome, 0, MidpointRounding.AwayFromZero),
        IncomeLine = r.IncomeLine,
        IndicatorsKnown = r.IndicatorsKnown,
        DeprivedCount = r.DeprivedCount,
        Deprived = r.Deprived,
        Unknown = r.Unknown,
        UnknownCouldMakePoor = r.UnknownCouldMakePoor,
        RuleSet = r.RuleSet,
        PeriodEnded = r.PeriodEnded,
        NextIncomeLine = r.NextLine,
        NextIncomeLineFrom = r.NextLineFrom?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        UnconfirmedThresholds = r.UnconfirmedFacts,
    };

    private static List<string> Indicators(string? text, string option, List<string> problems)
    {
        var result = new List<string>();
        foreach (var part in (text ?? string.Empty).Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries))
        {
            var code = int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
                ? DeprivationIndicators.FromNd07Number(n)
                : DeprivationIndicators.Nd07Of2021.FirstOrDefault(i => i.Code == part)?.Code;
            if (code is not null)
            {
                result.Add(code);
            }
            else
            {
                problems.Add($"{option}: «{part}» không phải chỉ số (mã như viec-lam, hoặc số từ 1 đến 12). / Indicators are codes or numbers 1 to 12.");
            }
        }

        return result;
    }

    private static DateOnly? Day(string? text, List<string> problems)
    {
        if (text is null)
        {
            return PovertyRuleSets.LocalDay(TimeProvider.System.GetUtcNow());
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }

        problems.Add("--date phải có dạng YYYY-MM-DD, ví dụ 2022-09-15. / --date must be YYYY-MM-DD.");
        return null;
    }
}
