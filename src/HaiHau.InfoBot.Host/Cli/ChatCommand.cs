using System.CommandLine;
using HaiHau.InfoBot.Channels.Text;
using HaiHau.InfoBot.Core.Messaging;
using HaiHau.InfoBot.Host.Setup;
using HaiHau.InfoBot.Host.Turns;
using HaiHau.InfoBot.Storage;

namespace HaiHau.InfoBot.Host.Cli;

/// <summary>
/// "chat": one conversation in the terminal, on the same engine and store as the bot. Choices are numbered;
/// typing a number presses that button. The conversation is kept, so the next run continues it.
/// </summary>
public static class ChatCommand
{
    public const string Channel = "terminal";
    private static readonly string[] ExitWords = ["/thoat", "/quit", "/exit"];

    public static Command Create(TextReader input, TextWriter output, TextWriter error)
    {
        var name = new Option<string>("--conversation") { Description = "Which terminal conversation to open (default: terminal).", DefaultValueFactory = _ => "terminal" };
        var command = new Command("chat", "Chat with the bot in this terminal (numbered choices; /thoat to leave).")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        command.Options.Add(name);
        command.SetAction(async (parse, ct) =>
        {
            var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder([.. parse.UnmatchedTokens]);
            // The terminal is the conversation: only warnings and errors, on stderr.
            builder.Configuration["Serilog:MinimumLevel:Default"] = "Warning";
            builder.Configuration["Serilog:MinimumLevel:Override:Microsoft.Hosting.Lifetime"] = "Warning";
            builder.Services.AddInfoBotLogging(builder.Configuration, consoleToStandardError: true);
            builder.Services.AddInfoBotCore();
            using var host = builder.Build();
            await host.StartAsync(ct);
            try
            {
                var session = new TerminalSession(host.Services, parse.GetValue(name) ?? "terminal", input, output);
                await session.RunAsync(ct);
            }
            finally
            {
                await host.StopAsync(CancellationToken.None);
            }

            return 0;
        });
        return command;
    }

    private sealed class TerminalSession(IServiceProvider services, string chatId, TextReader input, TextWriter output)
    {
        private readonly TurnRunner _runner = services.GetRequiredService<TurnRunner>();
        private readonly TimeProvider _time = services.GetRequiredService<TimeProvider>();
        private readonly ConversationRef _from = new(Channel, chatId, chatId);
        private IReadOnlyList<QuickReply> _choices = [];

        public async Task RunAsync(CancellationToken ct)
        {
            await output.WriteLineAsync("Trò chuyện thử với HaiHau.InfoBot. Gõ số để chọn, «menu» để về menu chính, «/thoat» để thoát.");
            var outbox = services.GetRequiredService<OutboxReader>();
            if (await outbox.ConversationExistsAsync(Channel, chatId, ct))
            {
                var history = await outbox.TakeAfterAsync(Channel, chatId, 0, ct);
                await output.WriteLineAsync("(Tiếp tục cuộc trò chuyện trước.)");
                await ShowAsync(history.TakeLast(1).ToList());
            }
            else
            {
                await SendAsync(null, null, isStart: true, ct);
            }

            while (!ct.IsCancellationRequested)
            {
                await output.WriteAsync("> ");
                await output.FlushAsync(ct);
                var line = await input.ReadLineAsync(ct);
                if (line is null || ExitWords.Contains(line.Trim(), StringComparer.OrdinalIgnoreCase))
                {
                    await output.WriteLineAsync("Tạm biệt bác!");
                    return;
                }

                // A number within the last choices presses that button, as residents do on Zalo.
                var payload = NumberedChoices.Resolve(_choices, line);
                await SendAsync(payload is null ? line : null, payload, isStart: false, ct);
            }
        }

        private async Task SendAsync(string? text, string? payload, bool isStart, CancellationToken ct)
        {
            var message = new InboundMessage(_from, Guid.NewGuid().ToString("N"), _time.GetUtcNow(), text, payload, isStart);
            await ShowAsync((await _runner.RunAsync(message, ct))!);
        }

        private async Task ShowAsync(IReadOnlyList<DeliveredReply> replies)
        {
            // A number presses a button of the bot's latest turn only: «4» typed for the household's size after a
            // four-item menu pressed that menu's fourth (a stale button) when the size question showed none.
            _choices = [];
            foreach (var reply in replies)
            {
                await output.WriteLineAsync();
                // The terminal has no buttons either: sentences that say «bấm một nút» ask for the number.
                await output.WriteLineAsync(NumberedChoices.Render(new OutboundMessage(ButtonlessWording.Rewrite(reply.Text), reply.Choices)));
                if (reply.Choices.Count > 0)
                {
                    _choices = reply.Choices;
                }
            }
        }
    }
}
