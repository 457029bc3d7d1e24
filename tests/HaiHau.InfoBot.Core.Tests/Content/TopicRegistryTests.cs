using HaiHau.InfoBot.Content;
using HaiHau.InfoBot.TestKit;

namespace HaiHau.InfoBot.Core.Tests.Content;

/// <summary>
/// Issue 12 §5: the topic list is one registry read from content/understanding/topics.yaml, so a new topic is content,
/// not a code change. A copy of the repository's content gets a topic no code knows, and every part that lists topics
/// picks it up.
/// </summary>
public sealed class TopicRegistryTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void A_topic_added_only_in_content_is_loaded_learnt_answered_and_offered_to_announcements()
    {
        var content = CopyContent();
        var topicsPath = Path.Combine(content, "understanding", "topics.yaml");
        File.WriteAllText(topicsPath, File.ReadAllText(topicsPath).Replace(
            "topics:\n", "topics:\n  - id: phong_chay\n    label: \"Phòng cháy chữa cháy\"\n    action: answer\n", StringComparison.Ordinal));
        File.WriteAllText(Path.Combine(content, "understanding", "examples", "phong_chay.yaml"), """
            topic: phong_chay
            questions:
              - nhà tôi cần mua bình chữa cháy
              - bình cứu hỏa mua ở đâu
              - phòng cháy chữa cháy cho nhà dân
              - binh chua chay gia bao nhieu
              - hướng dẫn phòng cháy trong nhà
              - cháy nhà thì gọi ai
              - chay nha goi so may
              - tập huấn phòng cháy chữa cháy ở thôn
              - lắp thiết bị báo cháy
              - bình chữa cháy mini cho gia đình
              - phong chay chua chay
              - diễn tập chữa cháy
            """);
        File.WriteAllText(Path.Combine(content, "articles", "phong-chay.md"), """
            ---
            id: phong-chay
            title: Phòng cháy chữa cháy trong nhà
            topic: phong_chay
            summary: Hỏi xã về tập huấn phòng cháy.
            keywords: [phòng cháy, phong chay, bình chữa cháy]
            sources: ["Thử nghiệm"]
            ---
            Tập huấn phòng cháy do xã tổ chức. Bác hỏi UBND xã nơi bác ở.
            """);

        var data = BotDataLoader.Load(RepoPaths.Dialogs, content);

        Assert.Empty(data.Problems);
        var registry = data.Understanding.Registry;
        Assert.Equal("Phòng cháy chữa cháy", registry.Label("phong_chay"));
        Assert.Contains("phong_chay", registry.Subjects); // the compose page and "all topics" residents
        Assert.Contains("phong_chay", registry.Classes);
        var understood = data.Questions.Understand("nhà tôi muốn mua bình chữa cháy");
        Assert.Equal("phong_chay", understood.Best.Topic);
    }

    [Fact]
    public void Removing_a_topic_the_code_acts_on_is_reported_but_an_unused_subject_may_go()
    {
        var content = CopyContent();
        var topicsPath = Path.Combine(content, "understanding", "topics.yaml");
        var yaml = File.ReadAllText(topicsPath);
        File.WriteAllText(topicsPath, yaml.Replace("  - id: jobs\n", "  - id: jobs_removed\n", StringComparison.Ordinal));

        var data = BotDataLoader.Load(RepoPaths.Dialogs, content);

        Assert.Contains(data.Problems, p => p.Message.StartsWith("topic \"jobs\" is missing", StringComparison.Ordinal));
        Assert.Contains(data.Problems, p => p.Message.StartsWith("unknown topic \"jobs\"", StringComparison.Ordinal)); // its articles and examples
    }

    private string CopyContent() => RepoPaths.CopyFolder(RepoPaths.Content, Path.Combine(_folder.Path, "content"));
}
