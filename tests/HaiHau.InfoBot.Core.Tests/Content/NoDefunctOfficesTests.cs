using System.Text.RegularExpressions;
using HaiHau.InfoBot.Content;
using HaiHau.InfoBot.Core.Loading;
using HaiHau.InfoBot.TestKit;

namespace HaiHau.InfoBot.Core.Tests.Content;

/// <summary>
/// Since 1/7/2025 there is no district, no thị trấn and no Nam Định province: the former Hải Hậu district is eight xã of
/// Ninh Bình. No text a resident reads (articles, FAQ entries, dialog texts and buttons, the bot's own sentences, the
/// wordings of text facts) may send anyone to an office that no longer exists, use the old "tuyến" wording of health
/// insurance, or cite a repealed act.
/// History is allowed only where it says it is history ("các thị trấn cũ", "huyện Hải Hậu cũ").
/// </summary>
public sealed class NoDefunctOfficesTests
{
    // Letters on either side would make "chuyện" contain "huyện": every pattern is matched as whole words.
    private const string Before = @"(?<!\p{L})";
    private const string After = @"(?!\p{L})";

    private static readonly (string Why, Regex Pattern)[] Defunct =
    [
        ("the district level was abolished on 1/7/2025", Words(@"UBND huyện|Ủy ban nhân dân huyện")),
        ("the district level was abolished on 1/7/2025", new Regex(Before + "huyện" + After + @"(?! Hải Hậu \(?cũ)", Options)),
        ("the district labour office no longer exists", Words(@"Phòng Lao động|Phòng LĐ-?TB&XH|Lao động\s*[–-]\s*Thương binh|LĐ-?TB&XH|LĐTBXH")),
        ("Nam Định province merged into Ninh Bình on 1/7/2025", Words(@"Nam Định")),
        ("there is no thị trấn since 1/7/2025", Words(@"xã\s*[,/]\s*thị trấn")),
        ("there is no thị trấn since 1/7/2025", new Regex(@"(?<!\p{L})(?<!không còn )thị trấn(?!\p{L})(?! cũ)(?! (Yên Định|Cồn|Thịnh Long) cũ)", Options)),
        ("health insurance no longer speaks of \"tuyến\" (Luật 51/2024/QH15)", new Regex(@"(?<!\p{L})(?<!trực )tuyến(?!\p{L})", Options)),
        ("the job-loan forms 1a/1b ended with NĐ 61/2015", Words(@"mẫu (số )?1[ab]")),
        ("a repealed or expired act", new Regex(@"(?<!\d)(146/2018|75/2023|61/2015|74/2019|38/2013|23/2021|13/2023|55/2023|46/2022/TT-BTC|90/QĐ-TTg)", Options)),
    ];

    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    // The keys of dialog and topic files whose values a resident reads.
    private static readonly HashSet<string> ResidentKeys = new(StringComparer.Ordinal)
    {
        "text", "retry_text", "label", "declined_text", "missing_text", "title", "more", "reply",
        "not_understood", "which_topic", "read_article",
    };

    public sealed record ResidentText(string File, int Line, string Text);

    [Fact]
    public void No_resident_facing_text_names_a_defunct_office_place_term_or_act()
    {
        var hits = ResidentTexts()
            .SelectMany(t => Problems(t.Text).Select(why => $"{t.File}:{t.Line}: {why}: «{Excerpt(t.Text)}»"))
            .ToList();

        Assert.True(hits.Count == 0, "Resident-facing texts that name what no longer exists:\n" + string.Join("\n", hits));
    }

    [Fact]
    public void Articles_faq_entries_and_dialogs_are_all_read()
    {
        var files = ResidentTexts().Select(t => t.File).Distinct().ToList();

        Assert.Contains("content/articles/gap-can-bo.md", files);
        Assert.Contains("content/faq/tim-viec-lam.md", files);
        Assert.Contains("dialogs/menu.yaml", files);
        Assert.Contains("content/understanding/topics.yaml", files);
        Assert.Contains("content/facts.yaml", files);
    }

    [Theory]
    [InlineData("Bác hỏi UBND xã, thị trấn nơi bác ở.")]
    [InlineData("Bác đến Phòng Lao động – Thương binh và Xã hội huyện Hải Hậu.")]
    [InlineData("Trung tâm Dịch vụ việc làm Nam Định tổ chức phiên giao dịch.")]
    [InlineData("Ở thị trấn Yên Định, chuẩn thu nhập là chuẩn thành thị.")]
    [InlineData("Khám đúng tuyến thì quỹ trả toàn bộ.")]
    [InlineData("Ở những huyện nghèo, Nhà nước hỗ trợ toàn bộ.")]
    [InlineData("Bác làm Giấy đề nghị vay vốn theo Mẫu 1a.")]
    [InlineData("Nghị định 146/2018/NĐ-CP, sửa đổi bởi Nghị định 75/2023/NĐ-CP")]
    [InlineData("Theo Nghị định 13/2023/NĐ-CP về bảo vệ dữ liệu cá nhân")]
    public void A_defunct_office_place_term_or_act_is_caught(string text) =>
        Assert.NotEmpty(Problems(text));

    [Theory]
    [InlineData("Bác hỏi UBND xã nơi bác ở (Phòng Văn hóa – Xã hội).")]
    [InlineData("Vùng Hải Hậu cũ nay chỉ còn các xã, không còn thị trấn.")]
    [InlineData("Khu vực các thị trấn cũ tính theo mức nào, UBND xã sẽ xác nhận.")]
    [InlineData("Kế hoạch năm 2022 của huyện Hải Hậu (cũ).")]
    [InlineData("Cháu là trợ lý trong cuộc trò chuyện này.")]
    [InlineData("Bác nộp hồ sơ trực tuyến trên Cổng dịch vụ công.")]
    [InlineData("Thông tư 07/2021/TT-BLĐTBXH, sửa đổi bởi Thông tư 02/2022/TT-BLĐTBXH")]
    [InlineData("Luật Bảo vệ dữ liệu cá nhân 91/2025/QH15")]
    public void Todays_offices_and_labelled_history_pass(string text) =>
        Assert.Empty(Problems(text));

    private static IEnumerable<string> Problems(string text) =>
        Defunct.Where(d => d.Pattern.IsMatch(text)).Select(d => d.Why).Distinct();

    private static Regex Words(string alternatives) => new(Before + "(" + alternatives + ")" + After, Options);

    private static string Excerpt(string text) => text.Length <= 160 ? text : text[..160] + "…";

    /// <summary>Everything a resident may read, with the file and line it comes from.</summary>
    public static IEnumerable<ResidentText> ResidentTexts()
    {
        var data = EngineHarness.Repo;
        foreach (var article in data.Content.Articles)
        {
            var at = article.Location;
            yield return new(at.File, at.Line, article.Title);
            yield return new(at.File, at.Line, article.Summary);
            yield return new(at.File, at.Line, article.Body);
            foreach (var source in article.Sources)
            {
                yield return new(at.File, at.Line, source);
            }
        }

        // Wordings that texts take from facts.yaml: the open-ended values are the ones residents read from now on.
        foreach (var fact in data.Content.Facts.Where(f => f.Kind == Core.Content.FactKind.Text))
        {
            foreach (var value in fact.Values.Where(v => v.ValidTo is null))
            {
                yield return new(value.Location.File, value.Location.Line, value.Value);
            }
        }

        foreach (var faq in data.Understanding.Faqs)
        {
            yield return new(faq.Location.File, faq.Location.Line, faq.Question);
            yield return new(faq.Location.File, faq.Location.Line, faq.Answer);
        }

        var yamlFiles = Directory.EnumerateFiles(RepoPaths.Dialogs, "*.yaml")
            .Append(Path.Combine(RepoPaths.Content, "understanding", "topics.yaml"))
            .Order(StringComparer.Ordinal);
        foreach (var path in yamlFiles)
        {
            var file = Path.GetRelativePath(RepoPaths.Root, path).Replace('\\', '/');
            var problems = new List<ContentProblem>();
            foreach (var text in Scalars(YamlData.Parse(File.ReadAllText(path), file, problems), key: null))
            {
                yield return new(file, text.Location.Line, text.Value);
            }

            Assert.Empty(problems);
        }
    }

    private static IEnumerable<DataScalar> Scalars(DataNode? node, string? key) => node switch
    {
        DataScalar scalar when key is not null && ResidentKeys.Contains(key) => [scalar],
        DataMap map => map.Entries.SelectMany(e => Scalars(e.Value, e.Key.Value)),
        DataList list => list.Items.SelectMany(item => Scalars(item, key)),
        _ => [],
    };
}
