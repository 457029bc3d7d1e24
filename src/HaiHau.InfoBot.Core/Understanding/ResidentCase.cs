using System.Globalization;
using System.Text.RegularExpressions;
using HaiHau.InfoBot.Core.Content;
using HaiHau.InfoBot.Core.Text;

namespace HaiHau.InfoBot.Core.Understanding;

/// <summary>
/// What a resident told about their own case in a free-text message (issue 12 §3): household size, monthly income
/// (for the household or per person), commune, category, age. Read so the bot can answer for their case and not ask
/// again; never stored beyond the conversation.
/// </summary>
public sealed partial record ResidentCase(int? Members, decimal? MonthlyIncome, bool IncomePerPerson, string? Commune, string? Category, int? Age)
{
    public const string Poor = "poor";
    public const string NearPoor = "near_poor";
    public const string Escaped = "escaped";

    public static readonly ResidentCase None = new(null, null, false, null, null, null);

    /// <summary>
    /// A day's pay told instead of a month's income («chồng làm phụ hồ 200k/ngày»): not a monthly income, since the days
    /// worked in a month are not told, and the bot never guesses them.
    /// </summary>
    public decimal? DailyWage { get; init; }

    /// <summary>
    /// The two ends of the income when a range was told («3 đến 4 triệu»), as told: for a year when
    /// <see cref="IncomeByYear"/>. <see cref="MonthlyIncome"/> is its middle (a twelfth of it for a year).
    /// </summary>
    public (decimal Low, decimal High)? IncomeRange { get; init; }

    /// <summary>How many members' sums the income adds up («chồng lương 6tr, em bán hàng 2tr»: two), so the reply can say so.</summary>
    public int IncomeParts { get; init; } = 1;

    /// <summary>
    /// The household's income was told for a year («hai ông bà trồng lúa được khoảng 20 triệu một năm»): one sum
    /// (<see cref="YearlyIncome"/>) or a range (<see cref="IncomeRange"/>). <see cref="MonthlyIncome"/> is its twelfth, and
    /// the reply says both, since a farmer counts by the year and «1.666.667 đồng» alone reads as a figure nobody said.
    /// </summary>
    public bool IncomeByYear { get; init; }

    /// <summary>The household's one yearly sum as told (null for a range, a monthly income, or one told per person).</summary>
    public decimal? YearlyIncome { get; init; }

    /// <summary>Enough to compute the income test: how much each person earns, told per person or as the household's
    /// income with how many people share it.</summary>
    public bool HasIncomeTest => MonthlyIncome is not null && (IncomePerPerson || Members is >= 1);

    // «ng» is «người» typed short («nhà e 4 ng thu nhập 6tr», «1tr/ng»), as in content/understanding/abbreviations.yaml.
    [GeneratedRegex(@"\b(\d{1,2}|" + WordTens + @"|" + WordDigit + @")\s*(?:nguoi|ng|khau|nhan khau|thanh vien|mieng an)\b", RegexOptions.CultureInvariant)]
    private static partial Regex MembersPattern();

    // An amount with a unit ("3 triệu", "3tr5", "800k", "2 triệu rưỡi", "3 triệu 1") or in full ("3.000.000"). A number
    // after the unit that counts a period or a person («3 triệu 1 tháng», «1 triệu 1 người», «24 triệu 1 năm») is not part
    // of the amount: the words are VietnameseNumber's, which reads the amount.
    // A sum said in words is read too («ba triệu», «hai triệu rưỡi», «mười lăm triệu», «một triệu hai», «ba trăm nghìn»):
    // voice typing writes them so, and «thu nhập cả nhà tháng được độ ba triệu» got the general answer instead of the
    // computation.
    [GeneratedRegex(@"\b\d+(?:[.,]\d+)?\s*(?:trieu|tr|cu|nghin|ngan|k)(?:\s*(?:\d+(?!\d|\s*(?:nam|" + VietnameseNumber.CountedAfterAmount + @")\b)|ruoi))?\b|\b\d{1,3}(?:[.,]\d{3}){2,}\s*(?:d|dong|vnd)?\b"
        + @"|\b(?:" + WordTens + @"|" + WordDigit + @")\s+(?:trieu|nghin|ngan)(?:\s+(?:(?:" + WordDigit + @")(?!\s*(?:nam|" + VietnameseNumber.CountedAfterAmount + @")\b)|ruoi))?\b"
        + @"|\b(?:" + WordDigit + @")\s+tram(?:\s+(?:(?:linh|le)\s+)?(?:" + WordTens + @"|" + WordDigit + @"))?\s+(?:nghin|ngan)\b", RegexOptions.CultureInvariant)]
    private static partial Regex MoneyPattern();

    /// <summary>A digit said as a word, as <see cref="VietnameseNumber"/> reads it («lăm» only after «mười»).</summary>
    private const string WordDigit = "mot|hai|ba|bon|nam|sau|bay|tam|chin";

    /// <summary>Ten to ninety-nine said as words: «mười», «mười lăm», «hai mươi», «ba mươi mốt».</summary>
    private const string WordTens = @"(?:(?:" + WordDigit + @")\s+muoi|muoi)(?:\s+(?:mot|hai|ba|bon|tu|lam|nam|sau|bay|tam|chin))?";

    [GeneratedRegex(@"\b(\d{1,3})\s*tuoi\b", RegexOptions.CultureInvariant)]
    private static partial Regex AgePattern();

    [GeneratedRegex(@"^\s*(?:/|mot|moi|1|tren|cho|mot)?\s*(?:nguoi|ng\b|khau|dau nguoi|dau ng\b)", RegexOptions.CultureInvariant)]
    private static partial Regex PerPersonAfter();

    // «5 triệu một năm», not «5 triệu, năm nay …» (this year) or «… năm ngoái» (last year).
    [GeneratedRegex(@"^\s*(?:/|mot|moi|1|trong|ca)?\s*nam\b(?!\s+(?:nay|ngoai|truoc|sau|kia|qua|roi)\b)", RegexOptions.CultureInvariant)]
    private static partial Regex YearlyAfter();

    [GeneratedRegex(@"(?:binh quan|moi nguoi|moi ng\b|dau nguoi|dau ng\b|moi khau)[^.,;?]{0,25}$", RegexOptions.CultureInvariant)]
    private static partial Regex PerPersonBefore();

    /// <summary>Above this a month, a sum is not a household's living (a plot of land, a loan, a debt), whatever the words around it.</summary>
    private const decimal MaxMonthlyIncome = 200_000_000;

    [GeneratedRegex(@"^\s*(?:/|mot|moi|1|hang|trong)?\s*thang\b", RegexOptions.CultureInvariant)]
    private static partial Regex MonthlyAfter();

    [GeneratedRegex(@"^\s*(?:/|mot|moi|1)\s*(?:ngay|ngay cong|cong)\b", RegexOptions.CultureInvariant)]
    private static partial Regex DailyAfter();

    // «bán rau 1 ngày được 100k», «mỗi ngày kiếm tầm 150 nghìn», «một ngày làm thuê được 200k»: the day told before the
    // sum, a few words before it, and no month between.
    [GeneratedRegex(@"\b(?:1|mot|moi)\s+ngay\b(?:\s+(?!thang\b)\w+){0,4}\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex DailyBefore();

    // The words that make the next sum an income, in the same clause: «lương tháng», «thu nhập», «kiếm được», «làm ra»,
    // «cả nhà cộng lại tháng được tầm 6 triệu», «làm ruộng cả năm được khoảng 60 triệu»; what a member working away sends
    // home («chồng làm trong Sài Gòn gửi về tháng 5tr»), and a sum said with its month just before it («tháng 5tr»). Read
    // typed short and long alike: «dc» is «được» by then («tháng dc 2 củ»).
    [GeneratedRegex(@"\b(?:thu nhap|luong|kiem|kiem duoc|thu duoc|thu ve|lam ra|lam duoc|lam thue duoc|lam cong duoc|ban hang duoc|tien cong|binh quan|moi thang|hang thang|mot thang|1 thang|thang duoc|nam duoc|cong lai|tong cong|gui ve|gui tien ve)\b[^.;?!]{0,30}$|\bthang\s+$", RegexOptions.CultureInvariant)]
    private static partial Regex IncomeBefore();

    // «nhà tôi 4 người», «gia đình có bốn khẩu», «vợ chồng tôi 2 người»: a number of people is the household's when the
    // household or its members are named just before it («tổng cộng 6 người» counts them all), the unit is the household's own («khẩu», «nhân khẩu», «miệng ăn»), or a chat
    // message opens with it («4 nguoi thu nhap 3tr»); «một người khác hỏi mua» is someone else.
    [GeneratedRegex(@"\b(?:nha|gia dinh|gd|ho|ca nha|bo me|vo chong|ong ba|me con|bo con|chung toi|chung em|chung chau|tong cong|tat ca|ca thay)\b[^.;?!]{0,25}$", RegexOptions.CultureInvariant)]
    private static partial Regex HouseholdBefore();

    // «vợ chồng em và 1 con», «2 vợ chồng + 2 đứa nhỏ», «hai vợ chồng với ba đứa con», «2 ông bà với 2 đứa cháu»: a couple and their children
    // counted, the way residents tell their household when they give no «N người» (issue 12, chat rows).
    [GeneratedRegex(@"\b(?:(?:hai|2)\s+)?(?:vo chong|ong ba|bo me)\b(?:\s+(?:toi|em|e|chau|minh|tui|t|chung toi|chung em))?\s*(?:(?:va|\+|voi|co|cung|&)\s*)?(\d{1,2}|mot|hai|ba|bon|nam|sau|bay|tam|chin)\s*(?:dua\s+)?(?:con|chau|be|nho)\b", RegexOptions.CultureInvariant)]
    private static partial Regex CoupleAndChildren();

    // «2 vợ chồng già», «hai ông bà»: an older couple telling their household as the two of them, with no children counted
    // after it («2 vợ chồng và các con», «hai vợ chồng với 3 đứa con» are not two). Without it «2 vợ chồng già thu nhập 3
    // củ một tháng» got the general answer instead of the income test (issue 12 §3).
    [GeneratedRegex(@"\b(?:hai|2)\s+(?:vo chong|ong ba)\b(?!(?:\s+\w+){0,2}\s*(?:va|\+|voi|co|cung|&)\s*(?:cac|may|nhung|\d{1,2}|mot|hai|ba|bon|nam|sau)?\s*(?:dua\s+)?(?:con|chau|be|nho)\b)", RegexOptions.CultureInvariant)]
    private static partial Regex CoupleAlone();

    [GeneratedRegex(@"(?<=\d)[.,](?=\d)", RegexOptions.CultureInvariant)]
    private static partial Regex DigitSeparator();

    // The lower end of a range just before a sum: «3 đến», «5» («5 6 triệu»), «3-» (the fold made it «3 »).
    [GeneratedRegex(@"(?:^|\s)(?<low>\d+(?:,\d+)?)\s+(?:(?:den|toi|hoac|hay)\s+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex RangeLowBefore();

    [GeneratedRegex(@"^\d+(?:,\d+)?", RegexOptions.CultureInvariant)]
    private static partial Regex LeadingNumber();

    /// <summary>
    /// The lower end of a range whose upper end is <paramref name="amount"/>, in its unit, or null: the number before it is
    /// lower, and the upper no more than double it (wider is no estimate to take the middle of, as the screener says).
    /// </summary>
    private static decimal? RangeLow(string before, string written, decimal amount)
    {
        if (RangeLowBefore().Match(before) is not { Success: true } m || LeadingNumber().Match(written) is not { Success: true } lead
            || VietnameseNumber.Parse(lead.Value) is not { } upper || upper <= 0 || VietnameseNumber.Parse(m.Groups["low"].Value) is not { } lower)
        {
            return null;
        }

        var low = lower * (amount / upper);
        return low > 0 && low < amount && amount <= low * 2 ? low : null;
    }

    // Between two sums (the fold has dropped the commas): the member who earns the second, first or after «và», «còn»,
    // «với», «cộng».
    [GeneratedRegex(@"^\s*(?:(?:va|con|voi|cong|them|cong them)\s+)?(?:chong|vo|toi|tui|em|e|con|bo|me|ong|ba|anh|chi|chau|minh|thang|dua|co)\b", RegexOptions.CultureInvariant)]
    private static partial Regex AnotherEarner();

    [GeneratedRegex(@"\b(?:tru|con lai|trong do|nam ngoai|truoc day|truoc kia|hoac|hay|nhung|chi con|giam|con co)\b", RegexOptions.CultureInvariant)]
    private static partial Regex NotAnotherEarner();

    /// <summary>Letters no Vietnamese word has, which the fold keeps, standing for a separator between digits.</summary>
    private const string SeparatorCarrier = "qzq";

    // «nhà bác lăm người»: five said with «l» where «n» and «l» are one sound (the Red River delta's speech, as the
    // understanding's dialect pairs read it). Only with its «ă», which «làm» (to work) has not, and not in «mười lăm».
    [GeneratedRegex(@"(?<!mười\s+)\blăm(?=\s+(?:người|khẩu|nhân khẩu|miệng ăn)\b)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex FiveSaidWithL();

    // «bà ở với ông nhà bà», «tôi sống với chồng», «ở với bà nhà tôi»: an older person telling the household as the two of
    // them, as «hai ông bà» does, unless someone else is named after («ở với chồng và 2 con», «với vợ, con trai…»).
    [GeneratedRegex(@"\b(?:o|song)\s+(?:voi|cung)\s+(?:ong nha|ba nha|chong|vo)\b(?:\s+(?:toi|em|e|ba|ong|chau|minh|tui|bac))?(?!\s*(?:(?:va|\+|voi|cung|co)\s*(?:cac|may|nhung|\d{1,2}|mot|hai|ba|bon|nam|sau)?\s*(?:dua\s+)?(?:con|chau|be|nho|bo|me)|con|chau|bo|me)\b)", RegexOptions.CultureInvariant)]
    private static partial Regex LivesWithSpouse();

    // «hai mẹ con em», «2 bố con», «3 mẹ con»: a parent and children, or a grandparent and grandchild, counted as the
    // household («ba mẹ con» is left: «ba» is also «bố»).
    [GeneratedRegex(@"\b(?<n>hai|2|3)\s+(?:me con|bo con|ba con|ong chau|ba chau|chi em|anh em)\b", RegexOptions.CultureInvariant)]
    private static partial Regex ParentAndChild();

    // «có mình tôi thôi», «bác ở một mình», «me e o 1 minh»: a household of one (asked again for its size before), unless
    // the one raises children or grandchildren (ParentAlone).
    [GeneratedRegex(@"\b(?:mot minh|1 minh|minh toi|minh tui|minh em|minh bac|minh chau)\b(?!\s+(?:nuoi|cham|trong|lo cho|voi|cung)\b)", RegexOptions.CultureInvariant)]
    private static partial Regex LivesAlone();

    // «e 1 minh nuoi 2 con», «bà một mình nuôi hai đứa cháu»: the one who tells and the children raised alone.
    [GeneratedRegex(@"\b(?:mot|1) minh\s+(?:nuoi|cham|trong|lo cho)\s+(?:(?<n>\d{1,2}|mot|hai|ba|bon|nam|sau)\s*)?(?:dua\s+)?(?:con|chau|be|dua)\b", RegexOptions.CultureInvariant)]
    private static partial Regex ParentAlone();

    // «cả năm lúa với tiền con gửi được chừng 60 triệu»: a year's sum, told before it («năm» alone is also five).
    [GeneratedRegex(@"\b(?:ca|mot|moi|hang|1|trong)\s+nam\b[^.;?!]{0,45}$", RegexOptions.CultureInvariant)]
    private static partial Regex YearlyBefore();

    // What is spent or owed, in the words just before a sum, after any word that made it an income. Folded words that
    // are also others stay out («đồng», «nó», «vậy», «mất mùa» fold onto «đóng», «nợ», «vay», «mất»).
    [GeneratedRegex(@"\b(?:chi phi|tien thuoc|tien an|tien hoc|hoc phi|vien phi|chi tieu|tieu het|ton|ton kem|phai tra|tra no|no ngan hang|phai dong|dong tien|di vay|vay von|vay ngan hang|tien coc|dat coc)\b[^.;?!]{0,25}$", RegexOptions.CultureInvariant)]
    private static partial Regex SpendingBefore();

    // «năm ngoái thu nhập 40 triệu»: a year named before a sum no month brings a poor household is that year's
    // income. «năm nay thì 4 triệu» is this year's monthly income, so only from this much up.
    [GeneratedRegex(@"\bnam\s+(?:ngoai|truoc|nay|qua|roi)\b[^.;?!]{0,45}$", RegexOptions.CultureInvariant)]
    private static partial Regex YearNamedBefore();

    private const decimal YearSumAtLeast = 20_000_000;

    // «2 vợ chồng đi làm thuê mỗi người 3 triệu»: each earner's pay, not each member's share of the income. Which of the
    // two is meant is not told, so the sum is not taken for either (the screener asks the household's income).
    [GeneratedRegex(@"\b(?:di lam|lam thue|lam cong|cong nhan|luong|di lam thue|lam phu ho)\b[^.;?!]{0,30}$", RegexOptions.CultureInvariant)]
    private static partial Regex EarnersBefore();

    // «nhà tôi có 1 người khuyết tật», «nhà có 2 người đi làm», «trong đó 1 người ốm»: people the household «has» and
    // describes by what they are (ill, old, disabled, at school, working, gone) are some of it, not its size (which may
    // be told before them: «nhà 5 người, có 2 người già» is five). Read as the size, «nhà tôi có 1 người khuyết tật, thu nhập cả nhà 4 triệu» was a household of one at 4
    // triệu a head, told it was not poor. Without «có» the number stays the household's: «nhà 2 người già» is the two of them.
    [GeneratedRegex(@"^\s*(?:(?:bi|dang|da|deu)\s+)?(?:khuyet tat|tan tat|gia\b(?!\s+dinh)|cao tuoi|om\b|benh|dau om|liet|mat suc|mat kha nang|tai bien|ung thu|nam vien|mat\b|chet|qua doi|hoc sinh|sinh vien|di hoc|tre\b|nho\b|con nho|that nghiep|di xuat khau|xuat khau|xkld|di lam|lam cong nhan|lam thue|lam cong ty|lam an xa)", RegexOptions.CultureInvariant)]
    private static partial Regex DescribedAfter();

    [GeneratedRegex(@"\b(?:co|trong do)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex HasBefore();

    private static bool CountsSomeOfThem(string folded, Match members) =>
        HasBefore().IsMatch(folded[..members.Index]) && DescribedAfter().IsMatch(folded[(members.Index + members.Length)..]);

    private static bool IsHousehold(string folded, Match members) =>
        members.Value.EndsWith("khau", StringComparison.Ordinal) || members.Value.EndsWith("mieng an", StringComparison.Ordinal)
        || members.Value.EndsWith("thanh vien", StringComparison.Ordinal)
        || (members.Index == 0 && char.IsAsciiDigit(folded[0])) || HouseholdBefore().IsMatch(folded[..members.Index]);

    // «80 tuổi», «dưới 6 tuổi», «trên 60 tuổi»: the word before says which side of the number is meant. Typed short
    // («bà em 76t», «con tôi 5t»), «t» is the age only after kin: «lương 5t», «còn 5t» are millions.
    [GeneratedRegex(@"\b(?:(?<side>duoi|tren|hon|qua|ngoai)\s+)?(?<years>\d{1,3})\s*tuoi\b|\b(?:(?:" + Kin + @")(?:\s+(?:" + Possessors + @"))?|con\s+(?:" + Possessors + @"))\s+(?<years>\d{1,3})\s*t\b", RegexOptions.CultureInvariant)]
    private static partial Regex StatedAgePattern();

    // Folded, so each must not also be a common word before an amount: «cô» is «có», «chị» «chỉ», «còn» «con» (so a
    // child is «con tôi», never «con» alone), «cụ» «cũ».
    private const string Kin = "ba|me|bo|ong|chau|bac|thim|vo|chong|be";

    private const string Possessors = "toi|em|e|minh|tui|t|chau";

    private static readonly HashSet<string> KinWords = [.. Kin.Split('|')];

    private static readonly HashSet<string> PossessorWords = [.. Possessors.Split('|')];

    /// <summary>
    /// Whether a number typed next with «t» is an age (the same reading as <see cref="StatedAges"/>): the words before
    /// it, as the normaliser wrote them, are kin («bà», «bố») or kin and whose («bà em», «con tôi»).
    /// </summary>
    internal static bool AgeFollows(IReadOnlyList<string> tokens) =>
        tokens.Count > 0 && (KinWords.Contains(tokens[^1])
            || (tokens.Count > 1 && PossessorWords.Contains(tokens[^1]) && (KinWords.Contains(tokens[^2]) || tokens[^2] == "con")));

    /// <summary>
    /// Every age the message states, in years: «bà tôi 80 tuổi» 80, «trẻ dưới 6 tuổi» 5, «trên 60 tuổi» 61. «3 tháng
    /// tuổi» and «sinh năm 2021» state none (no whole years next to «tuổi»).
    /// </summary>
    public static IReadOnlyList<int> StatedAges(string? text)
    {
        var folded = VietnameseText.Fold(SpelledAges.InDigits(VietnameseText.Clean(text)));
        var ages = new List<int>();
        foreach (Match m in StatedAgePattern().Matches(folded))
        {
            if (!int.TryParse(m.Groups["years"].Value, CultureInfo.InvariantCulture, out var years) || years is <= 0 or >= 120)
            {
                continue;
            }

            ages.Add(Side(folded, m) switch
            {
                "duoi" => years - 1,
                "tren" or "hon" or "qua" or "ngoai" => years + 1,
                _ => years,
            });
        }

        return ages;
    }

    /// <summary>
    /// The word before an age that makes it a bound («trên», «dưới», «ngoài 60 tuổi»), or "": «ngoại» after «ông», «bà»
    /// is the mother's side of the family («ông ngoại 68 tuổi» is 68, not over 68).
    /// </summary>
    private static string Side(string folded, Match age) =>
        age.Groups["side"].Value is "ngoai" && GrandparentBefore().IsMatch(folded[..age.Index])
            ? string.Empty
            : age.Groups["side"].Value;

    // Someone named within three words before the age («mẹ tôi 80 tuổi», «ông nhà bác 78 tuổi», «bà nội tôi năm nay 82
    // tuổi», «tôi 72 tuổi»), and no «từ» right before it: «người từ 75 tuổi» is a group.
    [GeneratedRegex(@"\b(?:" + Kin + @"|cu|con|em|anh|chi|toi|tui|minh|e|noi|ngoai)\b(?:\s+\w+){0,3}\s*$(?<!\btu\s*$)", RegexOptions.CultureInvariant)]
    private static partial Regex SomeoneBefore();

    [GeneratedRegex(@"\b(?:ong|ba|cu)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex GrandparentBefore();

    /// <summary>
    /// The ages of people the message speaks of, told plainly («bà tôi 78 tuổi», «bố em 72t»): not a bound of a group
    /// («trên 80 tuổi», «dưới 6 tuổi», «người từ 75 tuổi»), which <see cref="StatedAges"/> reads as its nearest age.
    /// </summary>
    public static IReadOnlyList<int> PersonAges(string? text)
    {
        var folded = VietnameseText.Fold(SpelledAges.InDigits(VietnameseText.Clean(text)));
        return [.. StatedAgePattern().Matches(folded)
            .Where(m => Side(folded, m).Length == 0 && SomeoneBefore().IsMatch(folded[..m.Index]))
            .Select(m => int.TryParse(m.Groups["years"].Value, CultureInfo.InvariantCulture, out var years) ? years : 0)
            .Where(years => years is > 0 and < 120)];
    }

    /// <param name="incomeAsked">The reply answers a question about the household's income (the screener's): a sum in it
    /// is the income without the words that otherwise make it one.</param>
    public static ResidentCase Read(string? text, IContentStore? content = null, bool incomeAsked = false)
    {
        // «2 vc vs 3 đứa nhỏ», «đi làm dc 5tr»: «vợ chồng», «với» and «được» as the younger relatives type them.
        // The fold drops «,» and «.»: «4,5 triệu» was read as 5 triệu, «1,2 triệu» as 2 triệu and «1.500.000» not at all. A
        // separator between digits is carried through it as letters and put back as a comma, which the sum's reading takes
        // either way (VietnameseNumber: three digits after it group thousands, fewer are decimals).
        var carried = DigitSeparator().Replace(FiveSaidWithL().Replace(SpelledAges.InDigits(VietnameseText.Clean(text)), "năm"), SeparatorCarrier);
        var folded = (" " + VietnameseText.Fold(carried).Replace(SeparatorCarrier, ",", StringComparison.Ordinal) + " ").Replace(" vc ", " vo chong ", StringComparison.Ordinal)
            .Replace(" vs ", " voi ", StringComparison.Ordinal).Replace(" dc ", " duoc ", StringComparison.Ordinal).Trim();
        if (folded.Length == 0)
        {
            return None;
        }

        int? members = null;
        foreach (Match m in MembersPattern().Matches(folded))
        {
            if (IsHousehold(folded, m) && !CountsSomeOfThem(folded, m) && VietnameseNumber.Parse(m.Groups[1].Value) is { } n && n is >= 1 and <= 30)
            {
                members = (int)n;
                break;
            }
        }

        if (members is null && CoupleAndChildren().Match(folded) is { Success: true } family
            && VietnameseNumber.Parse(family.Groups[1].Value) is { } children && children is >= 1 and <= 20)
        {
            members = 2 + (int)children;
        }

        if (members is null && (CoupleAlone().IsMatch(folded) || LivesWithSpouse().IsMatch(folded)))
        {
            members = 2;
        }

        if (members is null && ParentAndChild().Match(folded) is { Success: true } pair)
        {
            members = pair.Groups["n"].Value is "hai" or "2" ? 2 : 3;
        }

        if (members is null && ParentAlone().Match(folded) is { Success: true } alone && alone.Groups["n"].Success
            && VietnameseNumber.Parse(alone.Groups["n"].Value) is { } raised && raised is >= 1 and <= 10)
        {
            members = 1 + (int)raised;
        }

        if (members is null && LivesAlone().IsMatch(folded))
        {
            members = 1;
        }

        decimal? income = null;
        decimal? daily = null;
        var perPerson = false;
        var parts = 1;
        (decimal Low, decimal High)? range = null;
        var lastEnd = 0;
        bool? firstYearly = null;
        decimal? firstAmount = null;
        // «năm ngoái thì 5 triệu, giờ …»: only the sum said of today is the household's income now.
        var today = SaidOfToday.Part(folded);
        var said = today ?? folded;
        foreach (Match money in MoneyPattern().Matches(said))
        {
            var written = money.Value.TrimEnd();
            written = written.EndsWith(" dong", StringComparison.Ordinal) ? written[..^5] : written.EndsWith(" vnd", StringComparison.Ordinal) ? written[..^4] : written.TrimEnd('d');
            if (VietnameseNumber.Parse(written) is not { } amount || amount < 50_000)
            {
                continue;
            }

            var after = said[(money.Index + money.Length)..];
            var before = said[..money.Index];
            if (DailyAfter().IsMatch(after) || DailyBefore().IsMatch(before))
            {
                daily ??= amount;
                continue;
            }

            var yearlyAfter = YearlyAfter().IsMatch(after);
            var yearly = yearlyAfter || YearlyBefore().IsMatch(before)
                || (amount >= YearSumAtLeast && YearNamedBefore().IsMatch(before) && !MonthlyAfter().IsMatch(after));
            var personal = PerPersonAfter().IsMatch(after) || PerPersonBefore().IsMatch(before);
            if (personal && EarnersBefore().IsMatch(before) && !before.Contains("binh quan", StringComparison.Ordinal) && !before.Contains("dau nguoi", StringComparison.Ordinal))
            {
                continue;
            }

            if (!incomeAsked && SpendingBefore().Match(before) is { Success: true } spent && !(IncomeBefore().Match(before) is { Success: true } earned && earned.Index > spent.Index))
            {
                continue; // «chi phí trông coi, tiền thuốc… khoảng 6.000.000 đồng/tháng»: what is spent, not earned
            }

            var monthly = yearly ? Math.Round(amount / 12) : amount;
            // A sum is an income only where it is said to be one («lương», «thu nhập», «một tháng»…): «đặt cọc 150
            // triệu», «vay 20 triệu» are not what the household lives on. Nor is more than any poor household earns.
            if (!(incomeAsked || personal || yearlyAfter || MonthlyAfter().IsMatch(after) || IncomeBefore().IsMatch(before)) || monthly > MaxMonthlyIncome)
            {
                continue;
            }

            if (income is null)
            {
                // «3 đến 4 triệu», «có 5 6 triệu thôi»: a range told, its middle taken, as the screener takes it.
                if (RangeLow(before, written, amount) is { } low)
                {
                    range = (low, amount);
                    monthly = Math.Round((low + amount) / 2 / (yearly ? 12 : 1));
                }

                perPerson = personal;
                income = monthly;
                firstYearly = yearly;
                firstAmount = amount;
                lastEnd = money.Index + money.Length;
                if (personal)
                {
                    break;
                }

                continue;
            }

            // «chồng e lương 6tr, e bán hàng được 2tr»: another member's earnings in a clause of its own add to the first
            // (read alone, the household's income was the first sum). A sum after «trừ», «còn lại», «trong đó», or said
            // per person, is not another earner's.
            var between = said[lastEnd..money.Index];
            if (personal || yearly != firstYearly || between.Length > 60 || !AnotherEarner().IsMatch(between) || NotAnotherEarner().IsMatch(between))
            {
                break;
            }

            income += monthly;
            parts++;
            lastEnd = money.Index + money.Length;
        }

        int? age = AgePattern().Match(folded) is { Success: true } a && int.TryParse(a.Groups[1].Value, CultureInfo.InvariantCulture, out var years) && years is > 0 and < 120
            ? years
            : null;
        var category = folded.Contains("moi thoat ngheo", StringComparison.Ordinal) ? Escaped
            : Regex.IsMatch(folded, @"\b(?:la|thuoc|dang la|co so|trong danh sach)\s+(?:ho\s+)?can ngheo\b") ? NearPoor
            : Regex.IsMatch(folded, @"\b(?:la|thuoc|dang la|co so|trong danh sach)\s+ho ngheo\b") ? Poor
            : null;
        var commune = content is null ? null : CommuneMatcher.Match(content, text)?.Code;
        var byYear = income is not null && firstYearly == true && parts == 1 && !perPerson;
        return new ResidentCase(members, income, perPerson, commune, category, age)
        {
            DailyWage = income is null ? daily : null,
            IncomeParts = income is null ? 1 : parts,
            IncomeRange = parts == 1 ? range : null,
            IncomeByYear = byYear,
            YearlyIncome = byYear && range is null ? firstAmount : null,
        };
    }
}
