using System.CommandLine;
using System.Globalization;
using HaiHau.InfoBot.Content;
using HaiHau.InfoBot.Core.Screening;
using HaiHau.InfoBot.Host.Setup;

namespace HaiHau.InfoBot.Host.Cli;

/// <summary>
/// "review content [--days 60] [--date D]": what content staff must look at soon, one line each as
/// file:line:column: what. Facts whose value changes or expires within the window, unconfirmed facts that texts
/// depend on, texts citing acts repealed by the end of the window. Exit 0 (with "Nothing due") when nothing is due;
/// exit 1 only when the content cannot be read.
/// </summary>
public static class ReviewContentCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var days = new Option<int>("--days") { Description = "How many days ahead to look.", DefaultValueFactory = _ => 60 };
        var date = new Option<string>("--date") { Description = "Review as of this day (YYYY-MM-DD); default: today in Vietnam." };
        var content = new Command("content", "List facts changing or expiring soon, unconfirmed facts texts depend on, and texts citing repealed acts.")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        content.Options.Add(days);
        content.Options.Add(date);
        content.SetAction(async (parse, ct) =>
        {
            var window = parse.GetValue(days);
            if (Day(parse.GetValue(date)) is not { } day || window is < 0 or > 3660)
            {
                await error.WriteLineAsync("--date phải có dạng YYYY-MM-DD, --days từ 0 đến 3660. / --date must be YYYY-MM-DD, --days 0 to 3660.");
                return 1;
            }

            var options = ValidateCommand.ReadOptions([.. parse.UnmatchedTokens]);
            var data = InfoBotServices.LoadBotData(options);
            if (!data.IsValid)
            {
                await error.WriteLineAsync("Dữ liệu nội dung có lỗi, chạy «validate» để xem. / The content has problems: run «validate».");
                return 1;
            }

            var items = ContentCurrency.Review(data, BotDataPaths.Resolve(options.DialogsPath), BotDataPaths.Resolve(options.ContentPath), day, window);
            foreach (var item in items)
            {
                await output.WriteLineAsync(item.ToString());
            }

            await output.WriteLineAsync(items.Count == 0
                ? $"Nothing due between {day:yyyy-MM-dd} and {day.AddDays(window):yyyy-MM-dd}."
                : $"{items.Count} item(s) to review between {day:yyyy-MM-dd} and {day.AddDays(window):yyyy-MM-dd}.");
            return 0;
        });
        return new Command("review", "Reviews for staff.") { content };
    }

    /// <summary>The day given (YYYY-MM-DD), or today in Vietnam; null when the text is not a date.</summary>
    internal static DateOnly? Day(string? text) =>
        text is null
            ? PovertyRuleSets.Today(TimeProvider.System)
            : DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
}
