using System.Text.Json.Nodes;

namespace SbbCommerce.IntegrationTests.Common.OpenApi;

/// <summary>
/// docs/openapi.json is the contract storefronts generate their clients from: the served document must equal it,
/// so every change of a route, a schema or an error code shows in review as a diff of that file.
/// </summary>
public sealed class OpenApiSnapshotTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private const string UpdateVariable = "SBB_UPDATE_OPENAPI";

    [Fact]
    public async Task Given_the_served_document_When_compared_with_docs_openapi_json_Then_they_are_equal()
    {
        var served = Normalize(await fixture.CreateClient().WithBearer(fixture.AdminToken()).GetStringAsync(OpenApiDocument.Route));
        var committedPath = OpenApiDocument.CommittedPath;

        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            await File.WriteAllTextAsync(committedPath, served);
            return;
        }

        var committed = File.Exists(committedPath) ? Normalize(await File.ReadAllTextAsync(committedPath)) : "";
        if (committed == served)
        {
            return;
        }

        var firstDifference = FirstDifferentLine(committed, served);
        Assert.Fail(
            $"The served OpenAPI document differs from docs/openapi.json ({firstDifference}). If the change is intended, " +
            $"regenerate the file with `{UpdateVariable}=1 dotnet test tests/SbbCommerce.IntegrationTests -c Release " +
            "--filter FullyQualifiedName~OpenApiSnapshotTests` and commit it.");
    }

    /// <summary>Indented, LF line ends, one trailing newline: the file diffs line by line whatever wrote it.</summary>
    private static string Normalize(string json) =>
        JsonNode.Parse(json)!.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping })
            .ReplaceLineEndings("\n") + "\n";

    private static string FirstDifferentLine(string committed, string served)
    {
        var before = committed.Split('\n');
        var after = served.Split('\n');
        for (var line = 0; line < Math.Max(before.Length, after.Length); line++)
        {
            var old = line < before.Length ? before[line] : "<end of file>";
            var now = line < after.Length ? after[line] : "<end of file>";
            if (old != now)
            {
                return $"line {line + 1}: committed `{old.Trim()}`, served `{now.Trim()}`";
            }
        }

        return "no line differs";
    }
}
