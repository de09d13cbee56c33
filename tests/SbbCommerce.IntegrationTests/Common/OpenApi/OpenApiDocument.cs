namespace SbbCommerce.IntegrationTests.Common.OpenApi;

/// <summary>Where the host serves its OpenAPI document and where the repository keeps the reviewed copy.</summary>
internal static class OpenApiDocument
{
    public const string Route = "/swagger/v1/swagger.json";

    public static string CommittedPath => Path.Combine(RepositoryRoot(), "docs", "openapi.json");

    /// <summary>The committed document, parsed (the tests that read the contract read the reviewed copy's twin).</summary>
    public static async Task<JsonElement> ServedAsync(ApiFixture fixture) =>
        await fixture.CreateClient().WithBearer(fixture.AdminToken()).GetFromJsonAsync<JsonElement>(Route);

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "SbbCommerce.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (SbbCommerce.sln) was not found above " + AppContext.BaseDirectory);
    }
}
