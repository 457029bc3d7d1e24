using System.Text;
using System.Text.RegularExpressions;
using HaiHau.InfoBot.Core.Content;
using HaiHau.InfoBot.Core.Listings;
using HaiHau.InfoBot.Core.Understanding;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Connectors.OpenAI;
using Polly.CircuitBreaker;

namespace HaiHau.InfoBot.Host.Answerer;

/// <summary>
/// Composes one answer for a resident's question with Semantic Kernel's chat completion, grounded on the entry
/// retrieval chose and today's facts, with the bot's own knowledge as kernel functions; then the
/// <see cref="GroundingGuard"/> judges it. Only the question's text goes to the endpoint, with long digit runs (a
/// phone, an ID number) blanked: never a chat id, a name from the register, or anything stored about the resident.
/// </summary>
public sealed partial class AnswerComposer(
    IChatCompletionService chat,
    AnswerPrompts prompts,
    IContentStore content,
    IQuestionUnderstanding understanding,
    IListingSource listings,
    AnswererState state,
    bool stream,
    ILogger<AnswerComposer> logger)
{
    /// <summary>Said instead of a phone or ID number in the question the model sees.</summary>
    public const string Blanked = "[số]";

    public async Task<Composition> ComposeAsync(string question, FaqEntry best, FaqEntry? runnerUp, DateOnly day, CancellationToken ct)
    {
        var result = await RunAsync(question, best, runnerUp, day, ct);
        state.Record(result);
        return result;
    }

    /// <summary>The question as the model sees it: phone and ID numbers blanked.</summary>
    public static string ForModel(string question) => LongDigits().Replace(question, Blanked);

    private async Task<Composition> RunAsync(string question, FaqEntry best, FaqEntry? runnerUp, DateOnly day, CancellationToken ct)
    {
        var asked = ForModel(question);
        var material = AnswerMaterial.For(best, runnerUp, content, understanding, day);
        var grounding = new Grounding([.. material.GroundingTexts, asked]);
        var tools = new AnswerTools(content, understanding, listings, day, grounding);
        var kernel = new Kernel();
        kernel.Plugins.AddFromObject(tools, AnswerTools.PluginName);
        var history = new ChatHistory(prompts.System);
        history.AddUserMessage(prompts.Fill(material.EntriesText, AnswerMaterial.Today(day), material.FactsText, asked));
        var settings = new OpenAIPromptExecutionSettings
        {
            FunctionChoiceBehavior = FunctionChoiceBehavior.Auto(),
            Temperature = 0.1,
            MaxTokens = 700,
        };

        string text;
        try
        {
            text = stream ? await StreamAsync(history, settings, kernel, ct) : (await chat.GetChatMessageContentAsync(history, settings, kernel, ct)).Content ?? string.Empty;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return Composition.Fail("timeout");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            var reason = Describe(ex);
            logger.LogWarning("Answerer call failed: {Reason}", reason);
            return Composition.Fail(reason);
        }

        text = text.Trim();
        if (text.Length == 0)
        {
            return Composition.Fail("empty reply");
        }

        if (text.Contains(AnswerPrompts.NotEnough, StringComparison.Ordinal))
        {
            return new Composition(CompositionStatus.Declined);
        }

        var problems = GroundingGuard.Check(text, grounding, content.LegalActs, day);
        if (problems.Count > 0)
        {
            logger.LogInformation("Composed answer discarded by the grounding guard: {Problems}", string.Join(", ", problems));
            return new Composition(CompositionStatus.Rejected, text) { Problems = problems };
        }

        return new Composition(CompositionStatus.Composed, $"{text}\n\n{prompts.SourcesLine(material.Sources)}");
    }

    private async Task<string> StreamAsync(ChatHistory history, OpenAIPromptExecutionSettings settings, Kernel kernel, CancellationToken ct)
    {
        var text = new StringBuilder();
        await foreach (var chunk in chat.GetStreamingChatMessageContentsAsync(history, settings, kernel, ct))
        {
            text.Append(chunk.Content);
        }

        return text.ToString();
    }

    /// <summary>A failure's kind for /health and the log: never the URL (it may carry a key) or the reply.</summary>
    private static string Describe(Exception ex) => ex switch
    {
        BrokenCircuitException => AnswererState.CircuitOpen,
        HttpOperationException { StatusCode: { } status } => $"http {(int)status}",
        HttpOperationException { InnerException: { } inner } => Describe(inner),
        HttpRequestException http => $"network: {http.HttpRequestError}",
        System.Text.Json.JsonException or FormatException or KernelException => "malformed reply",
        _ when ex.InnerException is { } inner => Describe(inner),
        _ => ex.GetType().Name,
    };

    // A phone or ID number starts with 0 (0912 345 678, 036…); a long bare digit run is an account or a code. Money
    // (15.180.000) is neither and stays: the answer may repeat the resident's own figures.
    [GeneratedRegex(@"(?<!\d|\d[.,])(?:0(?:[\s.\-]?\d){8,}|\d{9,})(?!\d|[.,]\d)", RegexOptions.CultureInvariant)]
    private static partial Regex LongDigits();
}
