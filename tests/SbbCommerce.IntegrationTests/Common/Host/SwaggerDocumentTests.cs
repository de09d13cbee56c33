namespace SbbCommerce.IntegrationTests.Common.Host;

/// <summary>Swagger documents every route: a summary, its errors, and the lock where a token is needed.</summary>
public sealed class SwaggerDocumentTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task Given_the_swagger_document_Then_every_api_route_has_a_summary_and_documented_errors()
    {
        var document = await fixture.CreateClient().WithBearer(fixture.AdminToken()).GetFromJsonAsync<JsonElement>("/swagger/v1/swagger.json");

        var problems = new List<string>();
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                var name = $"{operation.Name.ToUpperInvariant()} {path.Name}";
                if (!operation.Value.TryGetProperty("summary", out var summary) || string.IsNullOrWhiteSpace(summary.GetString()))
                {
                    problems.Add(name + ": no summary");
                }

                var statuses = operation.Value.GetProperty("responses").EnumerateObject().Select(r => r.Name).ToList();
                if (!statuses.Any(status => status.StartsWith('4')))
                {
                    problems.Add(name + ": no error response");
                }

                if (path.Name.Contains("/admin/", StringComparison.Ordinal) && !statuses.Contains("403"))
                {
                    problems.Add(name + ": admin route without 403");
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
        Assert.True(document.GetProperty("paths").TryGetProperty("/api/v1/auth/login", out _));
    }
}
