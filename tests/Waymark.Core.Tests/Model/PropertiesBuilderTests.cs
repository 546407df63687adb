using Waymark.Core.Model;

namespace Waymark.Core.Tests.Model;

public sealed class PropertiesBuilderTests
{
    [Fact]
    public void Build_WritesTypedJson_LastValueOfAKeyWins()
    {
        var nested = new PropertiesBuilder().Add("x", 1L).Build();
        var properties = new PropertiesBuilder()
            .Add("plan", "pro")
            .Add("seats", 5L)
            .Add("ratio", 0.25)
            .Add("trial", true)
            .Add("at", new DateTime(2026, 1, 2, 3, 4, 5, 678, DateTimeKind.Utc))
            .Add("nested", nested)
            .AddList("tags", [PropertiesBuilder.ToJsonValue("a"), PropertiesBuilder.ToJsonValue(2L)])
            .Add("plan", "team")
            .Build();

        Assert.Equal(
            """{"plan":"team","seats":5,"ratio":0.25,"trial":true,"at":"2026-01-02T03:04:05.678Z","nested":{"x":1},"tags":["a",2]}""",
            properties.Json);
    }

    [Fact]
    public void NonFiniteDouble_IsKeptAsString()
    {
        var properties = new PropertiesBuilder().Add("v", double.NaN).Build();
        Assert.Equal("""{"v":"NaN"}""", properties.Json);
    }

    [Fact]
    public void Parse_RejectsNonObject() =>
        Assert.ThrowsAny<System.Text.Json.JsonException>(() => Properties.Parse("[1,2]"));

    [Fact]
    public void EmptyBuilder_GivesEmpty() => Assert.Same(Properties.Empty, new PropertiesBuilder().Build());
}
