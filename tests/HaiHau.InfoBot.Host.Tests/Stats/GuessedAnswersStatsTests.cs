using System.Net;
using System.Text.Json;
using HaiHau.InfoBot.Core.Dialogs;
using HaiHau.InfoBot.Host.OfficerConsole;
using HaiHau.InfoBot.Host.Stats;
using HaiHau.InfoBot.Host.Tests.OfficerConsole;
using HaiHau.InfoBot.Host.Tests.Unanswered;
using HaiHau.InfoBot.Storage;
using HaiHau.InfoBot.Storage.Residents;
using HaiHau.InfoBot.Storage.Unanswered;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HaiHau.InfoBot.Host.Tests.Stats;

/// <summary>
/// «Thống kê» counts the answers the assistant guessed, and what staff made of them on «Câu hỏi chưa trả lời»: four
/// residents send the same long story through the web chat (real engine, real SQLite), each registered in a different
/// place; three commune officers decide on their own resident's guess through the page's form (a decision covers only
/// its commune's questions), the fourth guess waits.
/// </summary>
public sealed class GuessedAnswersStatsTests : HostTestBase
{
    private const string September = "from=2022-09-01&to=2022-09-30"; // the app's clock: 15 September 2022
    private static readonly string Kept = DialogEngine.UnansweredSubject(ModelLedLetter.Text);

    [Fact]
    public async Task The_statistics_count_the_guessed_answers_and_those_staff_confirmed_or_corrected_an_ignore_being_neither()
    {
        await using var app = NewApp();
        var staff = await UnansweredConsole.StartAsync(app);
        for (var i = 0; i < 4; i++)
        {
            await staff.AskAsync(ModelLedLetter.Text);
        }

        await RegisterAsync(app, "hai-hau", "hai-thinh", "hai-an"); // the fourth resident did not register
        await (await OfficerAsync(app, "hai-hau")).DecideModelAnswerAsync(StaffPhrasingKinds.Confirmed, Kept);
        await (await OfficerAsync(app, "hai-thinh")).DecideModelAnswerAsync(StaffPhrasingKinds.NewFaq, Kept);
        await (await OfficerAsync(app, "hai-an")).DecideAsync(StaffPhrasingKinds.Ignore, Kept, 1);

        var unanswered = (await JsonAsync(staff.Staff)).GetProperty("unanswered");

        Assert.Equal((4, 0), Figure(unanswered, "guessed"));
        Assert.Equal((1, 0), Figure(unanswered, "guessed_confirmed"));
        Assert.Equal((1, 0), Figure(unanswered, "guessed_corrected"));
        // The guesses stay answered questions: no existing figure changes its meaning.
        Assert.Equal((4, 0), Figure(unanswered, "questions"));
        Assert.Equal((4, 0), Figure(unanswered, "answered"));
        Assert.Equal((0, 0), Figure(unanswered, "not_understood"));

        var page = await staff.Staff.PageAsync("/admin/thong-ke?" + September);
        Assert.Contains("Trong số trả lời được, trợ lý tự đoán 4 câu; cán bộ đã xác nhận đúng 1, đã sửa lại 1.", page, StringComparison.Ordinal);
        Assert.Contains($"<td>{StatsExports.GuessedLabel}</td><td class=\"num\">4</td>", page, StringComparison.Ordinal);
        var print = await staff.Staff.PageAsync("/admin/thong-ke/bao-cao?" + September);
        Assert.Contains($"<td>{StatsExports.GuessedConfirmedLabel}</td><td class=\"num\">1</td>", print, StringComparison.Ordinal);
        Assert.Contains("Trả lời do trợ lý tự đoán: trong số trả lời được", print, StringComparison.Ordinal); // defined for the reader
        var csv = await staff.Staff.Http.GetStringAsync($"/api/admin/stats?{September}&format=csv");
        Assert.Contains($"Câu hỏi,{StatsExports.GuessedCorrectedLabel},1,0,1\n", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_commune_officer_s_statistics_count_only_their_residents_guesses()
    {
        await using var app = NewApp();
        var staff = await UnansweredConsole.StartAsync(app);
        await staff.AskAsync(ModelLedLetter.Text);
        await staff.AskAsync(ModelLedLetter.Text);
        await RegisterAsync(app, "hai-hau", "hai-thinh");
        var haiHau = await OfficerAsync(app, "hai-hau");
        await haiHau.DecideModelAnswerAsync(StaffPhrasingKinds.Confirmed, Kept);

        var unanswered = (await JsonAsync(haiHau.Staff)).GetProperty("unanswered");

        Assert.Equal((1, 0), Figure(unanswered, "guessed"));
        Assert.Equal((1, 0), Figure(unanswered, "guessed_confirmed"));
        Assert.Equal((0, 0), Figure(unanswered, "guessed_corrected"));
        Assert.Equal((2, 0), Figure((await JsonAsync(staff.Staff)).GetProperty("unanswered"), "guessed"));
    }

    private static (int Current, int Previous) Figure(JsonElement section, string name) =>
        (section.GetProperty(name).GetProperty("current").GetInt32(), section.GetProperty(name).GetProperty("previous").GetInt32());

    private static async Task<JsonElement> JsonAsync(ConsoleClient client)
    {
        var response = await client.Http.GetAsync("/api/admin/stats?" + September);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static Task<UnansweredConsole> OfficerAsync(InfoBotApp app, string commune) =>
        UnansweredConsole.StartAsync(app, $"can-bo-{commune}@haihau.test", ConsoleRoles.Officer, commune);

    /// <summary>The residents who sent a guessed letter, in the order they sent it, registered in these communes with consent to statistics.</summary>
    private static async Task RegisterAsync(InfoBotApp app, params string[] communes)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<InfoBotDbContext>>().CreateDbContextAsync();
        var guessed = await db.TurnEvents.Where(e => e.Kind == EventKinds.QuestionModelAnswered.Name).OrderBy(e => e.Id)
            .Select(e => new { e.ConversationId, e.Channel }).ToListAsync();
        foreach (var (resident, commune) in guessed.Zip(communes))
        {
            db.ResidentProfiles.Add(new ResidentProfileRecord
            {
                ConversationId = resident.ConversationId, Channel = resident.Channel, CommuneCode = commune, ConsentStatistics = true,
                CreatedAt = app.Time.GetUtcNow(), UpdatedAt = app.Time.GetUtcNow(),
            });
        }

        await db.SaveChangesAsync();
    }
}
