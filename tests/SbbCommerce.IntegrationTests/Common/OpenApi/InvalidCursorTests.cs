namespace SbbCommerce.IntegrationTests.Common.OpenApi;

/// <summary>Every list that takes a cursor (found in the document, not listed by hand) answers a garbage cursor alike.</summary>
public sealed class InvalidCursorTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Given_every_list_with_a_cursor_When_sent_a_garbage_cursor_Then_each_answers_400_invalid_cursor()
    {
        var document = await OpenApiDocument.ServedAsync(fixture);
        var admin = fixture.CreateClient().WithBearer(fixture.AdminToken());
        var customer = fixture.CreateClient().WithBearer(fixture.CustomerToken());
        var lists = document.GetProperty("paths").EnumerateObject()
            .Where(path => path.Value.TryGetProperty("get", out var get) && get.TryGetProperty("parameters", out var parameters)
                && parameters.EnumerateArray().Any(p => p.GetProperty("in").GetString() == "query" && p.GetProperty("name").GetString() == "cursor"))
            .Select(path => path.Name)
            .ToList();
        Assert.True(lists.Count >= 10, $"only {lists.Count} lists take a cursor: " + string.Join(", ", lists));

        var wrong = new List<string>();
        foreach (var template in lists)
        {
            var path = System.Text.RegularExpressions.Regex.Replace(template, @"\{[^}]+\}", Guid.NewGuid().ToString());
            var client = template.Contains("/admin/", StringComparison.Ordinal) ? admin : customer;
            var response = await client.GetAsync(path + "?cursor=not-a-cursor%21");
            var body = await response.Content.ReadAsStringAsync();
            var code = response.StatusCode == HttpStatusCode.BadRequest ? JsonDocument.Parse(body).RootElement.GetProperty("code").GetString() : null;
            if (code != "invalid_cursor")
            {
                wrong.Add($"GET {template}: {(int)response.StatusCode} {body}");
            }
        }

        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
    }
}
