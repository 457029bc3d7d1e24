using System.IO.Compression;
using System.Text;
using HaiHau.InfoBot.Content;
using HaiHau.InfoBot.Storage.Unanswered;

namespace HaiHau.InfoBot.Host.Unanswered;

/// <summary>
/// The groups marked for a new FAQ entry as drafts in the content/faq format, one <c>&lt;id&gt;.md</c> each in a zip:
/// staff unzip them into content/faq, write the answer, pick the article and the source, and run <c>validate</c>.
/// The draft does not validate until then on purpose (its <c>answer_article</c> is a placeholder): an unwritten
/// answer must never reach a resident.
/// </summary>
public static class FaqDrafts
{
    public const string FileName = "cau-hoi-thuong-gap-moi.zip";

    public const string ArticlePlaceholder = "DIEN-MA-BAI-VIET";

    public const string AnswerPlaceholder = "VIẾT CÂU TRẢ LỜI NGẮN (dưới 700 ký tự), mọi con số lấy từ content/facts.yaml bằng {fact:…}.";

    public const string SourcePlaceholder = "GHI NGUỒN: văn bản, điều, khoản";

    public static byte[] Zip(IReadOnlyList<MarkedGroup> marked, BotData data)
    {
        var taken = data.Understanding.Faqs.Select(f => f.Id).ToHashSet(StringComparer.Ordinal);
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (record, _, similar) in marked)
            {
                var id = UniqueId(record.Text, taken);
                var entry = zip.CreateEntry($"faq/{id}.md", CompressionLevel.Optimal);
                using var writer = new StreamWriter(entry.Open(), new UTF8Encoding(false));
                writer.Write(Draft(record, similar, data));
            }
        }

        return stream.ToArray();
    }

    public static string Draft(StaffPhrasingRecord record, IReadOnlyList<string> similar, BotData data)
    {
        var articles = string.Join(", ", data.Content.Articles.Select(a => a.Id).Order(StringComparer.Ordinal));
        // A letter is neither the entry's question nor a keyword (validate refuses both: its story's words would make the
        // entry cover every like story, StaffTeaching): it stays the question, so validate refuses the draft until staff
        // rewrite it as the short ask, and only the group's short wordings become keywords.
        var letter = data.Questions.IsLetter(record.Text);
        var keywords = similar.Prepend(record.Text).Where(k => !data.Questions.IsLetter(k)).Distinct(StringComparer.Ordinal).Select(Quoted);
        var sb = new StringBuilder();
        sb.Append("---\n");
        sb.Append("# Bản nháp từ bảng điều khiển (câu hỏi chưa trả lời). Viết lại câu hỏi có dấu, chọn bài viết, ghi nguồn, viết câu trả lời.\n");
        if (letter)
        {
            sb.Append("# Đây là phần đầu một thư dài: viết lại thành câu hỏi ngắn (tối đa ").Append(Core.Understanding.QuestionUnderstanding.LetterWords)
                .Append(" chữ), chỉ giữ điều người dân hỏi; thư có thể chép vào content/understanding/practice-letters.tsv.\n");
        }

        sb.Append("question: ").Append(Quoted(record.Text)).Append('\n');
        sb.Append("keywords: [").Append(string.Join(", ", keywords)).Append("]\n");
        sb.Append("# Mã bài viết có sẵn: ").Append(articles).Append('\n');
        sb.Append("answer_article: ").Append(ArticlePlaceholder).Append('\n');
        sb.Append("sources:\n  - ").Append(Quoted(SourcePlaceholder)).Append('\n');
        sb.Append("---\n");
        sb.Append(AnswerPlaceholder).Append('\n');
        return sb.ToString();
    }

    /// <summary>A YAML double-quoted scalar: safe for any ':', '#', quote or bracket a resident typed.</summary>
    private static string Quoted(string text) => "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    /// <summary>The FAQ reader's rule: short lower-case ASCII and '-' (it travels in buttons), not an id in use.</summary>
    private static string UniqueId(string text, HashSet<string> taken)
    {
        var words = Core.Text.VietnameseText.Fold(text).Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => new string([.. w.Where(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c))]))
            .Where(w => w.Length > 0);
        var id = "";
        foreach (var word in words)
        {
            if (id.Length + word.Length + 1 > 34)
            {
                break;
            }

            id = id.Length == 0 ? word : $"{id}-{word}";
        }

        id = id.Length == 0 ? "cau-hoi-moi" : id;
        var unique = id;
        for (var n = 2; !taken.Add(unique); n++)
        {
            unique = $"{id}-{n}";
        }

        return unique;
    }
}
