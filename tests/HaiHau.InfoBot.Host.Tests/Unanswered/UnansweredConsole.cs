using System.Net;
using System.Text.RegularExpressions;
using HaiHau.InfoBot.Core.Dialogs;
using HaiHau.InfoBot.Host.OfficerConsole;
using HaiHau.InfoBot.Host.Tests.OfficerConsole;
using HaiHau.InfoBot.Host.Tests.WebChat;
using HaiHau.InfoBot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HaiHau.InfoBot.Host.Tests.Unanswered;

/// <summary>
/// A resident asking through the web chat and a staff member on the «Câu hỏi chưa trả lời» page, as the page's forms
/// post them (anti-forgery token included).
/// </summary>
public sealed partial class UnansweredConsole(InfoBotApp app, ConsoleClient staff)
{
    public const string Page = "/admin/unanswered";

    public ConsoleClient Staff { get; } = staff;

    public static async Task<UnansweredConsole> StartAsync(InfoBotApp app, string email = "truyen-thong@haihau.test", string role = ConsoleRoles.CommunicationStaff, string? commune = null)
    {
        await ConsoleClient.CreateAccountAsync(app, email, role, commune);
        return new UnansweredConsole(app, await ConsoleClient.SignedInAsync(app, email));
    }

    /// <summary>A new resident (a new web chat conversation) asks one question; the bot's reply.</summary>
    public Task<WebChatClient.Reply> AskAsync(string text) => ConverseAsync(text);

    /// <summary>A new resident (a new web chat conversation) sends these messages in turn; the bot's reply to the last.</summary>
    public async Task<WebChatClient.Reply> ConverseAsync(params string[] texts)
    {
        var chat = new WebChatClient(app.CreateClient());
        var id = (await chat.StartAsync()).ConversationId;
        WebChatClient.Reply? reply = null;
        foreach (var text in texts)
        {
            reply = await chat.SendAsync(id, text: text);
        }

        return reply ?? throw new ArgumentException("no message to send", nameof(texts));
    }

    public Task<string> PageAsync() => Staff.PageAsync(Page);

    /// <summary>The group whose examples hold these folded words: its count, or null when the page does not list it.</summary>
    public static int? GroupCount(string page, string folded)
    {
        foreach (Match form in GroupForm().Matches(page))
        {
            if (form.Value.Contains($"<li>{folded}</li>", StringComparison.Ordinal))
            {
                return int.Parse(CountPattern().Match(form.Value).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        return null;
    }

    /// <summary>Posts a decision on the group led by <paramref name="original"/>, as its buttons do.</summary>
    public async Task<string> DecideAsync(string kind, string original, int size, string? topic = null, string? faq = null, string? text = null)
    {
        var response = await Staff.PostFormAsync(Page + "?handler=Decide", new Dictionary<string, string>
        {
            ["kind"] = kind,
            ["original"] = original,
            ["text"] = text ?? original,
            ["size"] = size.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["topic"] = topic ?? "",
            ["faq"] = faq ?? "",
        }, tokenFrom: Page);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // The page returns while the bot learns in the background; a resident asking after this gets the new model.
        await app.Services.GetRequiredService<Host.Unanswered.LiveUnderstanding>().Settled;
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>Posts a decision on an answer the entry model chose, as that item's buttons do.</summary>
    public async Task<string> DecideModelAnswerAsync(string kind, string original, string? faq = null)
    {
        var response = await Staff.PostFormAsync(Page + "?handler=Decide", new Dictionary<string, string>
        {
            ["kind"] = kind,
            ["original"] = original,
            ["text"] = original,
            ["size"] = "1",
            ["faq"] = faq ?? "",
        }, tokenFrom: Page);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await app.Services.GetRequiredService<Host.Unanswered.LiveUnderstanding>().Settled;
        return await response.Content.ReadAsStringAsync();
    }

    public async Task<List<(string Kind, string? Subject)>> EventsAsync()
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<InfoBotDbContext>>().CreateDbContextAsync();
        return (await db.TurnEvents.OrderBy(e => e.Id).Select(e => new { e.Kind, e.Subject }).ToListAsync()).Select(e => (e.Kind, e.Subject)).ToList();
    }

    public async Task<int> UnansweredCountAsync() =>
        (await EventsAsync()).Count(e => e.Kind == EventKinds.QuestionUnanswered.Name);

    [GeneratedRegex("<form method=\"post\" class=\"card group\"[\\s\\S]*?</form>")]
    private static partial Regex GroupForm();

    [GeneratedRegex("class=\"count\">([0-9.]+)<")]
    private static partial Regex CountPattern();
}
