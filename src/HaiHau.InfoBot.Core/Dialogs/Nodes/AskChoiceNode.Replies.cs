using System.Text.RegularExpressions;
using HaiHau.InfoBot.Core.Text;

namespace HaiHau.InfoBot.Core.Dialogs.Nodes;

// Choices named the way residents reply (stop 42, Replies/replyset2.tsv and replyset3.tsv): after a correction or a
// «nhưng», a search asked for in a sentence with its words carried on, an amount carried to the question it leads to, a
// short no before synonyms. Read by Recognize in AskChoiceNode.cs.
public sealed partial class AskChoiceNode
{
    /// <summary>
    /// The choice named after a correction or a «nhưng»: «nghèo… à không, cận nghèo», «trước là hộ nghèo nhưng năm ngoái xã
    /// báo thoát rồi». What comes last is what the resident means now; read whole, such replies named two choices.
    /// </summary>
    private int? Corrected(TurnContext turn)
    {
        if (turn.Input.Payload is not null || string.IsNullOrWhiteSpace(turn.Input.Text) || VietnameseYesNo.EndsAsQuestion(turn.Input.Text))
        {
            return null;
        }

        var lower = turn.Input.Text.ToLowerInvariant();
        var but = Math.Max(lower.LastIndexOf(" nhưng ", StringComparison.Ordinal), lower.LastIndexOf(" nhung ", StringComparison.Ordinal));
        var tail = VietnameseYesNo.AfterCorrection(turn.Input.Text) ?? (but > 0 ? turn.Input.Text[(but + " nhưng ".Length)..] : null);
        tail = tail is null ? null : CorrectionLead.Replace(tail, string.Empty); // «… à không, cận nghèo»: the «không» takes back, it is no answer
        if (tail is null || !tail.Any(char.IsLetter))
        {
            return null;
        }

        var alone = new TurnContext(turn.State, turn.Services, turn.Input with { Text = tail });
        return ChoiceMatcher.Match(Offered(turn), tail, null) ?? SynonymChoice(alone);
    }

    private static readonly Regex CorrectionLead = new(
        @"^\s*(?:không|khong|ko|k|nhầm|nham|phải|phai)\b[\s,.…]*", RegexOptions.IgnoreCase, PatternLimits.MatchTime);

    /// <summary>
    /// «khóa hàn», «thử tìm may xem», «có chỗ nào tuyển may không» where a button leads to typing search words («Tìm khóa
    /// học theo từ», «Tìm từ khác»): that button, with the reply carried to the words' question, so the search runs at once.
    /// A reply holding a trade only after the search's own small words are set aside, and the words a search cue.
    /// </summary>
    private int? SearchChoice(TurnContext turn)
    {
        var text = turn.Input.Text;
        if (turn.Input.Payload is not null || string.IsNullOrWhiteSpace(text) || VietnameseText.WordCount(text) > SearchReplyWords
            || VietnameseYesNo.Parse(text) is not null || VietnameseYesNo.IsNotSure(text))
        {
            return null;
        }

        var searches = Options.Select((o, i) => (o, SearchKind(turn, o), i)).Where(x => x.Item2 is not null).ToList();
        var terms = Listings.ListingSearch.Terms(text);
        var folded = " " + VietnameseText.Fold(text) + " ";
        if (searches is not [var only] || terms.Count is 0 or > SearchTerms || !SearchCues.Any(c => folded.Contains(c, StringComparison.Ordinal)))
        {
            return null;
        }

        // «tìm …» asks to search whatever it finds; otherwise («khóa hàn», «có chỗ nào tuyển may không», not «học nghề có được
        // cho tiền ăn không») the words must find an open listing, as a trade does.
        // A question must ask for a listing itself («… tuyển may không»), not about learning («học nghề có được cho tiền ăn k»).
        var asks = VietnameseYesNo.EndsAsQuestion(text);
        if (asks && !folded.Contains(" tuyen ", StringComparison.Ordinal) && !folded.Contains(" tim ", StringComparison.Ordinal))
        {
            return null;
        }

        var today = Screening.PovertyRuleSets.LocalDay(turn.Services.Time.GetUtcNow());
        return (folded.Contains(" tim ", StringComparison.Ordinal) && !asks)
            || Listings.ListingSearch.Find(turn.Services.ListingSource.All(only.Item2!.Value), today, text, take: 1).Count > 0
            ? only.i
            : null;
    }

    private const decimal CarriedAmount = 1000;

    private const int SearchReplyWords = 8;
    private const int SearchTerms = 2;

    // «tìm», «khóa», «lớp», «nghề», «việc», «tuyển»: the reply asks for a listing, not only names a word.
    private static readonly string[] SearchCues = [" tim ", " khoa ", " lop ", " nghe ", " viec ", " tuyen "];

    /// <summary>What the choice's next steps search, when they ask for words that a listing search then reads (ask_text, then ask_listing).</summary>
    private static Listings.ListingKind? SearchKind(TurnContext turn, Choice choice) =>
        choice.Next is { } next && turn.Services.Dialogs.Find(turn.Frame.DialogId) is { } dialog
        && dialog.Nodes.GetValueOrDefault(next.Id) is AskTextNode { Next: { } then } && dialog.Nodes.GetValueOrDefault(then.Id) is AskListingNode listing
            ? listing.Kind
            : null;

    protected override void Accepted(TurnContext turn, Answer answer)
    {
        if (turn.Input.Payload is null && SearchChoice(turn) is { } i && Options[i].Next == answer.Next)
        {
            turn.Carried = turn.Input.Text;
        }
        else if (turn.Input.Payload is null && answer.Next is { } next && turn.Services.Dialogs.Find(turn.Frame.DialogId)?.Nodes.GetValueOrDefault(next.Id) is AskNumberNode { Integer: false }
            && VietnameseNumber.Parse(turn.Input.Text) is >= CarriedAmount)
        {
            // «cả nhà tầm 6tr» at «for the household or per person?»: the choice, and the amount for the question it leads to.
            // Only an amount of money («tổ dân phố số 4» is an address, not the household's size).
            turn.Carried = turn.Input.Text;
        }
    }

    /// <summary>A no of a word or three («ứ», «k đâu») where a «Không, …» button is offered, before synonyms: folded, «ứ» is «ừ».</summary>
    private int? ShortNo(TurnContext turn) =>
        VietnameseText.WordCount(turn.Input.Text) <= 3 && VietnameseYesNo.Parse(turn.Input.Text) == YesNoAnswer.No ? YesNoChoice(turn) : null;
}
