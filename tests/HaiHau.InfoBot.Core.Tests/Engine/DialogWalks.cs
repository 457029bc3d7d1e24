using HaiHau.InfoBot.TestKit;

namespace HaiHau.InfoBot.Core.Tests.Engine;

/// <summary>The walks several tests take to one of the dialogs' questions, by buttons, with the same answers each time.</summary>
internal static class DialogWalks
{
    /// <summary>The registration at «Theo bác, nhà mình đang thuộc diện nào?»: both consents given, commune Hải An.</summary>
    public static EngineHarness ToRegistrationCategory()
    {
        var bot = new EngineHarness();
        bot.Start();
        bot.Press("dang-ky");
        bot.Press("yes");
        bot.Press("yes");
        bot.Send("hai an");
        return bot;
    }

    /// <summary>The registration at «Bác có muốn nhận thêm chủ đề khác không?», a poor household, <paramref name="topic"/> chosen.</summary>
    public static EngineHarness ToMoreTopics(string topic)
    {
        var bot = ToRegistrationCategory();
        bot.Press("ngheo");
        bot.Press(topic);
        return bot;
    }

    /// <summary>After the housing answer, at the menu's «Bác còn muốn hỏi gì nữa không?».</summary>
    public static EngineHarness ToAnythingElse()
    {
        var bot = new EngineHarness();
        bot.Start();
        bot.Press("ho-tro-khac");
        bot.Press("nha-o");
        return bot;
    }

    /// <summary>The estimate at «Nhà bác có ở khu vực thị trấn cũ … không?», after two communes it could not read.</summary>
    public static EngineHarness ToOldTownQuestion()
    {
        var bot = new EngineHarness();
        bot.Start();
        bot.Press("ho-ngheo");
        bot.Press("uoc-tinh");
        bot.Send("xyz");
        bot.Send("xyz");
        return bot;
    }

    /// <summary>The estimate at «Hộ nhà bác có bao nhiêu người…?», commune Hải An.</summary>
    public static EngineHarness ToEstimateSize()
    {
        var bot = new EngineHarness();
        bot.Start();
        bot.Press("ho-ngheo");
        bot.Press("uoc-tinh");
        bot.Send("hai an");
        return bot;
    }

    /// <summary>The estimate at its income question: four people, counted <paramref name="way"/> («ca-ho» or «moi-nguoi»).</summary>
    public static EngineHarness ToEstimateIncome(string way)
    {
        var bot = ToEstimateSize();
        bot.Send("4");
        bot.Press(way);
        return bot;
    }

    /// <summary>The estimate at its question <paramref name="number"/> (of 12): four people, 5 triệu a month, «Không» before.</summary>
    public static EngineHarness ToEstimateQuestion(int number)
    {
        var bot = ToEstimateSize();
        bot.Send("4");
        bot.Press("ca-ho");
        bot.Send("5 triệu");
        for (var i = 1; i < number; i++)
        {
            bot.Press("no");
        }

        return bot;
    }
}
