using System.Text;
using HaiHau.InfoBot.Core.Text;

namespace HaiHau.InfoBot.Core.Understanding;

/// <summary>
/// Turns a message into the syllables the classifier reads, whatever way it was typed:
/// "Nhà e bị dột có đc hỗ trợ khôngggg???" and "nha em bi dot co duoc ho tro khong" give the same tokens.
/// Steps: NFC and invisible characters (<see cref="VietnameseText.Clean"/>), lower case without diacritics and đ → d
/// (<see cref="VietnameseText.Fold"/>), letters held down collapsed ("khongggg"), numbers reduced to "0" and their unit
/// ("1tr5", "800k", "1.500.000"), then short forms expanded from <see cref="Abbreviations"/>.
/// </summary>
public sealed class QuestionNormalizer(Abbreviations abbreviations)
{
    /// <summary>The region's l/n pairs restored after the words are read (<see cref="DialectPairs"/>); none until a build learns them.</summary>
    internal DialectPairs Dialect { get; private init; } = DialectPairs.None;

    /// <summary>This normaliser, restoring these pairs too.</summary>
    internal QuestionNormalizer With(DialectPairs dialect) => new(abbreviations) { Dialect = dialect };

    /// <summary>Stands for any number: the amount rarely tells the topic, that a number was given sometimes does.</summary>
    public const string NumberToken = "0";

    // Units written against a number; "k" after a number is "nghìn", not the "k" of "không".
    private static readonly Dictionary<string, string> NumberUnits = new(StringComparer.Ordinal)
    {
        ["k"] = "nghin",
        ["n"] = "nghin",
        ["ng"] = "nghin",
        ["nghin"] = "nghin",
        ["ngan"] = "nghin",
        ["tr"] = "trieu",
        ["t"] = "trieu",
        ["trieu"] = "trieu",
        ["cu"] = "trieu",
        ["ty"] = "ty",
        ["d"] = "dong",
        ["dong"] = "dong",
        ["tuoi"] = "tuoi",
        ["m"] = "met",
    };

    private static readonly char[] Separators = [' ', '/'];

    /// <summary>What an amount or a count is measured in, besides <see cref="NumberUnits"/>: «5 triệu đồng», «3 người», «2 tháng».</summary>
    private static readonly HashSet<string> AmountWords =
        [.. NumberUnits.Values, .. VietnameseNumber.CountedAfterAmount.Split('|'), "vnd", "nam", "moi", "mot", "khoang", "tam", "chung"];

    /// <summary>
    /// Whether the tokens are only an amount or a count («5 triệu», «2tr», «3 người»): no question, and no subject to
    /// look up. Every number reads as one token, so without this «5 triệu» found the entry whose words hold a year
    /// («xã cũ nhập năm 2024»). Inside a dialog such a message answers the dialog's question.
    /// </summary>
    public static bool IsAmountOnly(IReadOnlyList<string> tokens) =>
        tokens.Count > 0 && tokens.Contains(NumberToken) && tokens.All(t => t == NumberToken || AmountWords.Contains(t));

    /// <summary>The normalised text: tokens joined by single spaces.</summary>
    public string Normalize(string? text) => string.Join(' ', Tokens(text));

    public IReadOnlyList<string> Tokens(string? text)
    {
        var tokens = new List<string>();
        Tokenize(text, tokens, null);
        return tokens;
    }

    /// <summary>
    /// <see cref="Tokens"/> with, for each token, the word as the resident typed it when its diacritics tell it apart from
    /// words that fold the same ("thuộc" / "thuốc", "mồ" / "mổ"); null when the word was typed without them, or the token
    /// is an expanded short form or a number. A message typed with diacritics (at least a third of its words carry marks)
    /// wrote its plain words plain on purpose: «gia» in «6 tuổi gia đình» is «gia», not an unmarked «già», so such words
    /// count as written too.
    /// </summary>
    public IReadOnlyList<Word> Words(string? text)
    {
        var tokens = new List<string>();
        var marked = new List<string?>();
        var plain = new List<int>();
        Tokenize(text, tokens, marked, plain);
        if (plain.Count > 0 && marked.Count(m => m is not null) * MarkedShare >= marked.Count(m => m is not null) + plain.Count
            && !plain.Any(i => SpelledOnlyWithMarks(tokens[i])))
        {
            foreach (var i in plain)
            {
                marked[i] = tokens[i];
            }
        }

        return tokens.Select((t, i) => new Word(t, marked[i])).ToList();
    }

    /// <summary>At least one word in this many carries marks: the message was typed with diacritics.</summary>
    private const int MarkedShare = 3;

    /// <summary>
    /// Whether a word typed without marks cannot be Vietnamese as typed: «iê», «yê», «uô», «ươ» and «ưu» always carry
    /// their marks, so «nguoi», «tien», «khuyet» or «huu» were typed without any. A message holding one was typed, at
    /// least in part, without diacritics, and its plain words may be any word they fold from, whatever share of the
    /// others has marks: «tro cap nguoi gia moi thang dc nhiêu tiền rứa» names «người già» (it was read as «gia», and the
    /// elderly allowance, ranked first, gave way to the funeral support).
    /// </summary>
    internal static bool SpelledOnlyWithMarks(string plainWord) =>
        plainWord.Contains("ie", StringComparison.Ordinal) || plainWord.Contains("ye", StringComparison.Ordinal)
        || plainWord.Contains("uo", StringComparison.Ordinal) || plainWord.Contains("uu", StringComparison.Ordinal);

    /// <summary>
    /// Whether a word's marks cannot be the word's: a syllable closed by «c», «ch», «p» or «t» always carries the sắc or
    /// the nặng tone, so «viêc», «mât», «đươc» were typed with a mark missed (a phone's keyboard, a hurried thumb). Such a
    /// word is read as typed without marks, any word it folds from: kept as typed, «tìm viêc làm thêm» did not name the
    /// «việc» of «việc làm» and got the "I don't know".
    /// </summary>
    internal static bool MarkedImpossibly(string typedWord)
    {
        if (!(typedWord.EndsWith('c') || typedWord.EndsWith('p') || typedWord.EndsWith('t') || typedWord.EndsWith("ch", StringComparison.Ordinal)))
        {
            return false;
        }

        var decomposed = typedWord.Normalize(NormalizationForm.FormD);
        return !decomposed.Contains('\u0301', StringComparison.Ordinal) && !decomposed.Contains('\u0323', StringComparison.Ordinal);
    }

    private void Tokenize(string? text, List<string> tokens, List<string?>? marked, List<int>? plain = null)
    {
        var clean = SpelledAges.InDigits(VietnameseText.Clean(text));
        var folded = VietnameseText.Fold(clean);
        var rawWords = folded.Split(Separators, StringSplitOptions.RemoveEmptyEntries);
        // The words as typed, marks kept: split once, and only when a word needs them (most messages need none).
        string[]? typedWords = null;
        var markedWords = marked is null ? null : Typed(clean, ref typedWords);
        var closingSo = ClosingSo(clean, rawWords, ref typedWords);
        var closingPolite = ClosingPolite(clean, rawWords, ref typedWords);
        for (var w = 0; w < rawWords.Length; w++)
        {
            var raw = rawWords[w];
            var before = tokens.Count;
            if (w == closingSo || w == closingPolite || CanModal(clean, rawWords, w, ref typedWords) || SaysSo(clean, rawWords, w, ref typedWords)
                || SaysSoon(clean, rawWords, w, ref typedWords))
            {
                continue;
            }

            if (SchoolLevel(rawWords, w) is { } level)
            {
                tokens.Add(level);
            }
            else if (MarkedContentWord(clean, rawWords, w, ref typedWords) is { } meant)
            {
                tokens.Add(meant);
            }
            else
            {
                AddWord(raw, tokens);
            }

            if (marked is not null)
            {
                var asTyped = markedWords!.Length == rawWords.Length ? markedWords[w] : null;
                var one = tokens.Count == before + 1 && asTyped is not null && asTyped != raw && tokens[before] == CollapseRepeats(raw)
                    && !MarkedImpossibly(asTyped);
                for (var t = before; t < tokens.Count; t++)
                {
                    marked.Add(one ? CollapseRepeats(asTyped!) : null);
                }

                // Typed without marks and kept as typed (not a short form expanded, not a number): plain or unmarked.
                if (plain is not null && tokens.Count == before + 1 && asTyped == raw && tokens[before] == CollapseRepeats(raw) && raw.All(char.IsAsciiLetter))
                {
                    plain.Add(before);
                }
            }
        }

        if (Dialect.Correct(tokens) is { } restored)
        {
            // The word meant is not the word typed: its marks say nothing of it.
            foreach (var i in restored)
            {
                if (marked is not null)
                {
                    marked[i] = null;
                }

                plain?.Remove(i);
            }
        }

        var courtesy = Courtesy(tokens);
        if (courtesy > 0)
        {
            tokens.RemoveRange(0, courtesy);
            marked?.RemoveRange(0, courtesy);
            if (plain is not null)
            {
                var kept = plain.Where(i => i >= courtesy).Select(i => i - courtesy).ToList();
                plain.Clear();
                plain.AddRange(kept);
            }
        }
    }

    /// <summary>
    /// How many tokens at the start are courtesy, not the question: an address («ad ơi», «anh chị ơi»), a greeting
    /// («chào bạn», «em chào cô ạ») and the ask itself («cho em hỏi chút», «xin hỏi», «em muốn hỏi»), in any order.
    /// «ad ơi cho e hỏi hộ nghèo được hỗ trợ những gì ạ» was weighed with them and referred, where «hộ nghèo được hỗ trợ
    /// những gì» is answered; with the words of «cho» and «em» it ranked the Tết gifts first. Kept when fewer than
    /// <see cref="AfterCourtesy"/> tokens would be left: «chào cháu», «cho em hỏi» alone are the whole message.
    /// </summary>
    private static int Courtesy(List<string> tokens, int keep = AfterCourtesy)
    {
        var at = 0;
        for (var moved = true; moved;)
        {
            var next = Opener(tokens, at) ?? Address(tokens, at) ?? Greeting(tokens, at) ?? Ask(tokens, at) ?? Wait(tokens, at);
            moved = next is { } n && tokens.Count - n >= keep;
            at = moved ? next!.Value : at;
        }

        return at;
    }

    /// <summary>
    /// Whether the message is courtesy and nothing else, an ask for leave to ask: «cho bà hỏi tí», «cháu ơi cho bác hỏi»,
    /// «ad ơi cho e hỏi tí», «bà hỏi cái này». Older residents open so and wait for the answer before asking; read as a
    /// question, «bà» and «cái» found the elderly allowance and the school transfer, and «cháu ơi cho bác hỏi» was logged
    /// as a question the bot could not answer.
    /// </summary>
    public bool IsCourtesyOnly(string? text) => IsCourtesyOnly(Tokens(text));

    /// <summary><see cref="IsCourtesyOnly(string?)"/> on the message's tokens, for a caller that has read them already.</summary>
    public static bool IsCourtesyOnly(IReadOnlyList<string> tokens) =>
        tokens.Count > 0 && Courtesy([.. tokens], keep: 0) == tokens.Count;

    /// <summary>Fewest tokens left after the courtesy for it to be dropped.</summary>
    private const int AfterCourtesy = 2;

    /// <summary>Folded words a resident calls the bot or staff by; «co» is «cô», only ever before «ơi» or after «chào».</summary>
    private static readonly HashSet<string> Addressees = new(StringComparer.Ordinal)
    {
        "ad", "admin", "anh", "chi", "em", "bac", "co", "chu", "ban", "chau", "ong", "ba", "thay", "cac", "moi", "nguoi", "tong", "dai",
    };

    /// <summary>What may follow the ask: «chút», «tí», «xíu», «với», «nhé», «ạ», «luôn», «thêm» («cho em hỏi thêm»).</summary>
    private static readonly HashSet<string> AskTails = new(StringComparer.Ordinal) { "chut", "ti", "xiu", "voi", "nhe", "a", "anh", "luon", "them" };

    /// <summary>
    /// What introduces the matter after the ask: «hỏi về / vụ / cái / chuyện …». Read with the matter, «muốn hỏi cái bảo
    /// hiểm y tế» got the VNeID card (its «cái» folds to the «cài» of installing the app) and «e hỏi vụ hộ nghèo» the
    /// entry on where to hand in the request, where «bảo hiểm y tế» and «hộ nghèo» open their topics (the second chat-style
    /// set, 7 December). Not «việc»: «hỏi việc làm» asks for work.
    /// </summary>
    private static readonly HashSet<string> MatterWords = new(StringComparer.Ordinal) { "ve", "vu", "cai", "chuyen" };

    /// <summary>Who asks, before «muốn hỏi» or between «cho» and «hỏi».</summary>
    private static readonly HashSet<string> Askers = new(StringComparer.Ordinal)
    {
        "em", "minh", "toi", "chau", "tui", "bac", "co", "chu", "anh", "chi", "con", "ba", "ong",
    };

    /// <summary>
    /// «ủa», «ủa mà», «à mà» opening a message: surprise, or a new question after the last, never the matter. Words the
    /// entries lack, they lowered its coverage: «à mà muốn vay tiền mua bò thì sao» was asked back where «muốn vay tiền
    /// mua bò thì sao» gets the farming loan. Folded and expanded, «à» is «anh» («a» is its short form), so «anh mà» is
    /// taken only as the message's first words.
    /// </summary>
    private static int? Opener(List<string> tokens, int at)
    {
        if (at < tokens.Count && tokens[at] == "ua")
        {
            return at + 1 < tokens.Count && tokens[at + 1] == "ma" ? at + 2 : at + 1;
        }

        if (at + 1 < tokens.Count && tokens[at] == "nhan" && tokens[at + 1] == "tien")
        {
            // «nhân tiện», «nhân tiện tôi hỏi»: by the way
            return at + 3 < tokens.Count && Askers.Contains(tokens[at + 2]) && tokens[at + 3] == "hoi" ? at + 4 : at + 2;
        }

        // «mà hỏi luôn», «mà cho hỏi»: «mà» opening the message, before the ask
        return at == 0 && tokens.Count > 1 && tokens[0] == "ma" && tokens[1] is "hoi" or "cho" or "nhan" ? 1
            : at == 0 && tokens.Count > 1 && tokens[0] == "anh" && tokens[1] == "ma" ? 2 : null;
    }

    // «ad ơi», «anh chị ơi»: up to three addressees, then «ơi».
    private static int? Address(List<string> tokens, int at)
    {
        var i = at;
        while (i < tokens.Count && i - at < 3 && Addressees.Contains(tokens[i]))
        {
            i++;
        }

        return i > at && i < tokens.Count && tokens[i] == "oi" ? i + 1 : null;
    }

    // «chào bạn», «em chào anh chị ạ»: «chào» (after an asker), up to three addressees, an «ạ».
    private static int? Greeting(List<string> tokens, int at)
    {
        var i = at + (at + 1 < tokens.Count && Askers.Contains(tokens[at]) && tokens[at + 1] == "chao" ? 1 : 0);
        if (i >= tokens.Count || tokens[i] != "chao")
        {
            return null;
        }

        i++;
        while (i < tokens.Count && i - at < 5 && Addressees.Contains(tokens[i]))
        {
            i++;
        }

        return i < tokens.Count && tokens[i] == "a" ? i + 1 : i;
    }

    // «cho hỏi», «cho em hỏi chút», «xin hỏi», «em muốn hỏi», «cháu hỏi tí», «muốn hỏi» (its «em» taken as the greeting's: «em chào cô ạ em muốn hỏi»).
    private static int? Ask(List<string> tokens, int at)
    {
        var i = at;
        if (i + 1 < tokens.Count && tokens[i] is "cho" or "xin" or "muon" && tokens[i + 1] == "hoi")
        {
            i += 2;
        }
        else if (i + 2 < tokens.Count && tokens[i] == "cho" && Askers.Contains(tokens[i + 1]) && tokens[i + 2] == "hoi")
        {
            i += 3;
        }
        else if (i + 2 < tokens.Count && Askers.Contains(tokens[i]) && tokens[i + 1] == "muon" && tokens[i + 2] == "hoi")
        {
            i += 3;
        }
        else if (i + 1 < tokens.Count && tokens[i] == "hoi" && tokens[i + 1] is "luon" or "them")
        {
            // «hỏi luôn», «hỏi thêm»: asking one more thing
            i += 2;
        }
        else if (i + 2 < tokens.Count && Askers.Contains(tokens[i]) && tokens[i] != "co" && tokens[i + 1] == "hoi" && tokens[i + 2] is "luon" or "them")
        {
            // «tôi hỏi thêm», «e hỏi luôn»; not «có, hỏi thêm về …», whose «có» (yes) folds to the «cô» who asks
            i += 3;
        }
        else if (i + 2 < tokens.Count && Askers.Contains(tokens[i]) && tokens[i + 1] == "hoi" && (tokens[i + 2] is "chut" or "ti" or "xiu" || MatterWords.Contains(tokens[i + 2])))
        {
            // «cháu hỏi tí», «em hỏi chút», «e hỏi vụ …»: without «cho», only with the «chút» that makes it a courtesy or the
            // word that introduces the matter
            i += 2;
        }
        else
        {
            return null;
        }

        while (i < tokens.Count && AskTails.Contains(tokens[i]))
        {
            i++;
        }

        if (i < tokens.Count && MatterWords.Contains(tokens[i]))
        {
            i++;
            // «hỏi cái này», «hỏi chuyện này»: the matter is still to come
            i += i < tokens.Count && tokens[i] == "nay" ? 1 : 0;
        }

        return i;
    }

    /// <summary>
    /// «đợi bà tí», «chờ chút nhé», «từ từ đã»: the resident asks the bot to wait (for glasses, for a grandchild to type).
    /// Only with a word that makes it a moment («tí», «chút», «nhé», «đã»…): «đợi bao lâu» asks how long.
    /// </summary>
    private static int? Wait(List<string> tokens, int at)
    {
        var i = at;
        if (i + 1 < tokens.Count && tokens[i] == "tu" && tokens[i + 1] == "tu")
        {
            i += 2;
        }
        else if (i < tokens.Count && tokens[i] is "doi" or "cho")
        {
            // «chờ» folds to the «cho» of «cho hỏi», which Ask has already taken
            i++;
            i += i < tokens.Count && Askers.Contains(tokens[i]) ? 1 : 0;
            if (i >= tokens.Count || !(WaitTails.Contains(tokens[i]) || AskTails.Contains(tokens[i])))
            {
                return null;
            }
        }
        else
        {
            return null;
        }

        while (i < tokens.Count && (WaitTails.Contains(tokens[i]) || AskTails.Contains(tokens[i])))
        {
            i++;
        }

        return i;
    }

    /// <summary>What may close a wait beside the ask's tails: «đã», «nha», «nhá», «đấy».</summary>
    private static readonly HashSet<string> WaitTails = new(StringComparer.Ordinal) { "da", "nha", "day" };

    /// <summary>
    /// The «vậy» that closes a question («tiền già được bao nhiêu vậy», «ở đâu z») is a particle, but it folds to «vay»,
    /// the loan: «tiền già được bao nhiêu vậy» got the poor household's loan. Its index among the words when it is the
    /// last word before only particles and it was typed «vậy», typed short («z», «zậy», «dzậy», «vz»), or typed plain
    /// right after a question word («ở đâu vay»); -1 otherwise. «muốn đi vay», «ai cho vay» still end on the loan.
    /// </summary>
    private static int ClosingSo(string clean, string[] rawWords, ref string[]? typedWords)
    {
        var last = rawWords.Length - 1;
        while (last > 0 && TrailingParticles.Contains(rawWords[last]))
        {
            last--;
        }

        if (last < 1 || !SoForms.Contains(rawWords[last]))
        {
            return -1;
        }

        if (rawWords[last] != "vay" || QuestionEnds.Contains(rawWords[last - 1]))
        {
            return last;
        }

        // Typed with its marks, «vậy» is never the loan («vay»): only then are the marks worth reading.
        var typed = Typed(clean, ref typedWords);
        return typed.Length == rawWords.Length && typed[last] == "vậy" ? last : -1;
    }

    /// <summary>
    /// The polite «ạ» that closes a message («vay vốn nuôi lợn thì sao ạ») says nothing of the subject, but folded it is
    /// «a», the short form of «anh», a word no entry has: it lowered the message's coverage below the threshold
    /// («con vụ vay vốn nuôi lợn thì sao ạ» was referred, 0.44 against 0.48). Its index when it is the last of four
    /// words or more (a greeting, «xin chào ạ», stays as it is) and was typed «ạ», or typed plain right after a question
    /// word or «vậy» («thì sao a», «được không a»), or typed «ah» / «ak» (its short forms: «có được hưởng BHYT không ah?»
    /// closed a letter's ask); -1 otherwise. A plain «a» after anything else may be «anh» and stays.
    /// </summary>
    private static int ClosingPolite(string clean, string[] rawWords, ref string[]? typedWords)
    {
        var last = rawWords.Length - 1;
        if (last < 3 || rawWords[last] is not ("a" or "ah" or "ak"))
        {
            return -1;
        }

        // «ah», «ak» are «ạ» as typed without marks (content/understanding/abbreviations.yaml), never «anh».
        if (rawWords[last] != "a" || QuestionEnds.Contains(rawWords[last - 1]) || SoForms.Contains(rawWords[last - 1]))
        {
            return last;
        }

        var typed = Typed(clean, ref typedWords);
        return typed.Length == rawWords.Length && typed[last] == "ạ" ? last : -1;
    }

    /// <summary>
    /// «sắp» (soon) folds to the «sáp» of «sáp nhập» (the communes' merger): «có lớp may nào sắp mở không» got the merger
    /// entry instead of the course search. When typed «sắp» it says when, not what, and is left out, except in «sắp xếp»
    /// (the 2025 arrangement of communes is called so too). Typed plain, «sap» stays as it is.
    /// </summary>
    private static bool SaysSoon(string clean, string[] rawWords, int w, ref string[]? typedWords) =>
        rawWords[w] == "sap" && (w + 1 >= rawWords.Length || rawWords[w + 1] != "xep")
        && Typed(clean, ref typedWords) is var typed && typed.Length == rawWords.Length && typed[w] == Soon;

    private static readonly string Soon = VietnameseText.FoldKeepingMarks("sắp");

    /// <summary>
    /// The «thể» of «có thể» (can) folds to the «thẻ» of «có thẻ» (has a card): «em có thể xin việc ở đâu» got the lost
    /// BHYT card, «hộ cận nghèo có thể học nghề miễn phí không» the near-poor card. It says nothing of the subject, so it
    /// is left out: when typed «thể», or typed plain before a verb no card is the subject of («co the vay», «co the xin»).
    /// «có thẻ», and a plain «co the» before anything else («co the bhyt»), stay the card.
    /// </summary>
    private static bool CanModal(string clean, string[] rawWords, int w, ref string[]? typedWords)
    {
        if (rawWords[w] != "the" || w == 0 || rawWords[w - 1] != "co")
        {
            return false;
        }

        var typed = Typed(clean, ref typedWords);
        if (typed.Length == rawWords.Length && typed[w] != "the")
        {
            return typed[w] == "thể";
        }

        return w + 1 < rawWords.Length && VerbsAfterCan.Contains(rawWords[w + 1]);
    }

    /// <summary>
    /// «vậy» (so) folds to «vay» (to borrow), so «vậy là bot không giúp được à, thế hỏi ai» and «vay sao k ai bao trước»
    /// got loan entries (early repayment, a loan used for something else) after a referral and a BHYT answer (follow-up
    /// set A). It says nothing of the subject, so it is left out: a short form only «vậy» has («zậy», «dzậy», «vz», «z»)
    /// anywhere, and as the first word «vậy» typed with its marks, or typed plain before what never follows the loan verb
    /// («vay là», «vay sao», «vay à»). A plain «vay» anywhere else stays the loan: «vay thì phải làm gì», «vay mà không
    /// trả được». A marked «vậy» inside a message is left as it was: dropping it there too was measured (7 December) and
    /// moved two letters of the answer sets to a wrong answer, through the words the classifier learns from.
    /// </summary>
    private static bool SaysSo(string clean, string[] rawWords, int w, ref string[]? typedWords)
    {
        var raw = rawWords[w];
        if (raw is "z" or "zay" or "dzay" or "vz")
        {
            return true;
        }

        if (raw != "vay" || w != 0)
        {
            return false;
        }

        var typed = Typed(clean, ref typedWords);
        if (typed.Length == rawWords.Length && typed[w] != "vay")
        {
            return typed[w] == "vậy";
        }

        return rawWords.Length > 1 && AfterOpeningSo.Contains(rawWords[1]);
    }

    /// <summary>Folded words that follow an opening «vậy» and never the loan verb: «vậy là», «vậy sao», «vậy à», «vậy hả».</summary>
    private static readonly HashSet<string> AfterOpeningSo = new(StringComparer.Ordinal) { "la", "sao", "a", "ha", "u", "ak", "ah" };

    /// <summary>Folded verbs that follow «có thể» and never «có thẻ»: borrow, ask for, learn, do, receive, withdraw, split, send, pay.</summary>
    private static readonly HashSet<string> VerbsAfterCan = new(StringComparer.Ordinal)
    {
        "vay", "xin", "hoc", "lam", "nhan", "rut", "tach", "nop", "gui", "tra", "giup", "dang", "bi", "duoc",
    };

    /// <summary>The message's words as typed, marks kept (<paramref name="cache"/>: split once per message, when first needed).</summary>
    private static string[] Typed(string clean, ref string[]? cache) =>
        cache ??= VietnameseText.FoldKeepingMarks(clean).Split(Separators, StringSplitOptions.RemoveEmptyEntries);

    /// <summary>
    /// Words whose marks tell a content word from a function word that folds the same, read as the content word only when
    /// typed with them: «đẻ» (give birth) folds to «để» (so that), which weighs nothing, so «đẻ ở bệnh viện huyện có dùng
    /// thẻ bhyt được không» lost its subject and got the emergency entry; «chửa» (pregnant) folds to «chưa» (not yet).
    /// Typed plain, «de» and «chua» stay what they mostly are. Keys as <see cref="VietnameseText.FoldKeepingMarks"/> gives them.
    /// </summary>
    private static readonly Dictionary<string, string> MarkedContentWords = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["đẻ"] = "sinh",
        ["chửa"] = "thai",
    }.ToDictionary(p => VietnameseText.FoldKeepingMarks(p.Key), p => p.Value, StringComparer.Ordinal);

    private static string? MarkedContentWord(string clean, string[] rawWords, int w, ref string[]? typedWords)
    {
        if (rawWords[w] is not ("de" or "chua"))
        {
            return null;
        }

        var typed = Typed(clean, ref typedWords);
        return typed.Length == rawWords.Length ? MarkedContentWords.GetValueOrDefault(typed[w]) : null;
    }

    /// <summary>«vậy» as folded and as typed short (content/understanding/abbreviations.yaml).</summary>
    private static readonly HashSet<string> SoForms = new(StringComparer.Ordinal) { "vay", "z", "zay", "dzay", "vz" };

    /// <summary>Folded words that end a question: «bao nhiêu», «ở đâu», «sao», «thế nào», «gì», «không», «chưa», «bao giờ», «bao lâu».</summary>
    private static readonly HashSet<string> QuestionEnds = new(StringComparer.Ordinal)
    {
        "nhieu", "bn", "dau", "sao", "nao", "gi", "j", "khong", "ko", "k", "chua", "gio", "lau", "ntn",
    };

    /// <summary>Folded particles a question may end on after «vậy»: «ạ», «hả», «nhỉ», «nhé», «ơi», «bạn».</summary>
    private static readonly HashSet<string> TrailingParticles = new(StringComparer.Ordinal)
    {
        "a", "ha", "nhi", "nhe", "ne", "oi", "ban", "ad", "ak", "ah", "nha",
    };

    private static readonly string[] SchoolLevels = ["mot", "hai", "ba"];

    /// <summary>
    /// «cấp 3» is a school level, «cấp ba» in the entries' words; as any other number it read «cấp 0», which every
    /// «cấp» shares («con học cấp 3 có được miễn học phí không» got the private schools' entry). «được cấp 2 triệu» is
    /// an amount granted and stays a number.
    /// </summary>
    private static string? SchoolLevel(string[] rawWords, int w) =>
        w > 0 && rawWords[w - 1] == "cap" && rawWords[w] is ['1' or '2' or '3'] && (w + 1 == rawWords.Length || !AmountWords.Contains(rawWords[w + 1]) && !NumberUnits.ContainsKey(rawWords[w + 1]))
            ? SchoolLevels[rawWords[w][0] - '1']
            : null;

    private void AddWord(string raw, List<string> tokens)
    {
        if (raw.AsSpan().IndexOfAnyInRange('0', '9') >= 0)
        {
            AddNumber(raw, tokens);
            return;
        }

        // One consonant held down ("zzzz", "kkkk") is not a word; collapsed it would pass for a short form ("z" = "vậy",
        // "k" = "không"). Vowels stay: "ừừừ" is a yes.
        if (raw.Length >= 3 && char.IsLetter(raw[0]) && !"aeiouy".Contains(raw[0], StringComparison.Ordinal) && raw.All(c => c == raw[0]))
        {
            return;
        }

        // A short form as typed first: some are written with a doubled letter («hssv», «cccd», «ttin»), which collapsing
        // would make «hsv», «cd», «tin» (the student-loan rate was answered with the job-creation loan's).
        var word = raw;
        if (!abbreviations.Words.TryGetValue(word, out var full))
        {
            word = CollapseRepeats(raw);
            abbreviations.Words.TryGetValue(word, out full);
        }

        if (full is null)
        {
            word = ReplaceStart(word);
            abbreviations.Words.TryGetValue(word, out full);
        }

        if (full is null)
        {
            tokens.Add(word);
        }
        else
        {
            tokens.AddRange(full);
        }
    }

    /// <summary>"khongggg" → "khong", "dcccc" → "dc"; a doubled "u" stays, since "ưu" folds to "uu" ("ưu đãi").</summary>
    public static string CollapseRepeats(string word)
    {
        var sb = new StringBuilder(word.Length);
        var run = 0;
        for (var i = 0; i < word.Length; i++)
        {
            var ch = word[i];
            run = i > 0 && word[i - 1] == ch ? run + 1 : 1;
            if (run == 1 || (run == 2 && ch == 'u') || !char.IsLetter(ch))
            {
                sb.Append(ch);
            }
        }

        return sb.Length == word.Length ? word : sb.ToString();
    }

    private string ReplaceStart(string word)
    {
        foreach (var (from, to) in abbreviations.Starts)
        {
            // A one-letter start («f», «j») needs more after it (a lone «j» is «gì», read as a short form); a longer one
            // may be the whole word («ngi» is «nghỉ»).
            if ((word.Length > from.Length || from.Length > 1) && word.StartsWith(from, StringComparison.Ordinal))
            {
                return to + word[from.Length..];
            }
        }

        return word;
    }

    // "1tr5" → 0 trieu; "800k" → 0 nghin; "1 500 000" (folded "1.500.000") → one 0; "2022" → 0.
    private static void AddNumber(string raw, List<string> tokens)
    {
        var age = ResidentCase.AgeFollows(tokens);
        if (tokens.Count == 0 || tokens[^1] != NumberToken)
        {
            tokens.Add(NumberToken);
        }

        var letters = new string(raw.Where(char.IsLetter).ToArray());
        if (letters == "t" && age)
        {
            // «bà em 76t»: after kin, «t» is the age, not the «triệu» of «lương 5t».
            tokens.Add("tuoi");
        }
        else if (letters.Length > 0 && NumberUnits.TryGetValue(letters, out var unit))
        {
            tokens.Add(unit);
        }
        else if (letters.Length > 0)
        {
            tokens.Add(letters);
        }
    }
}

/// <summary>A token and, when its diacritics were typed, the word as written (lower case, NFC).</summary>
public readonly record struct Word(string Token, string? Marked)
{
    /// <summary>
    /// Whether this typed word is <paramref name="written"/>: the same without diacritics, and the same marks where both
    /// were typed with them («thuộc» is not «thuốc», «tuổi gia đình» holds no «tuổi già»; «thuoc» may be either).
    /// </summary>
    public bool Matches(Word written) => Token == written.Token && (Marked is null || written.Marked is null || Marked == written.Marked);

    /// <summary>Where <paramref name="phrase"/> stands in <paramref name="words"/> from <paramref name="from"/> on, word by word (<see cref="Matches"/>); -1 when nowhere.</summary>
    public static int IndexOf(IReadOnlyList<Word> words, IReadOnlyList<Word> phrase, int from = 0)
    {
        for (var start = from; start + phrase.Count <= words.Count; start++)
        {
            var i = 0;
            while (i < phrase.Count && words[start + i].Matches(phrase[i]))
            {
                i++;
            }

            if (i == phrase.Count)
            {
                return start;
            }
        }

        return -1;
    }
}
