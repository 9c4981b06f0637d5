/**
 * Tool descriptions as real MCP servers publish them (reference servers, popular vendors). Many
 * give the model firm directions ("IMPORTANT", "You MUST call this before...", "NEVER"), which is
 * normal and must not be mistaken for tool poisoning.
 */
export interface ToolDescription {
  readonly tool: string;
  readonly description: string;
}

export const TOOL_DESCRIPTIONS: readonly ToolDescription[] = [
  {
    tool: 'read_file',
    description:
      "Read the complete contents of a file from the file system. Handles various text encodings and provides detailed error messages if the file cannot be read. Use this tool when you need to examine the contents of a single file. Use the 'head' parameter to read only the first N lines of a file, or the 'tail' parameter to read only the last N lines of a file. Only works within allowed directories.",
  },
  {
    tool: 'read_multiple_files',
    description:
      "Read the contents of multiple files simultaneously. This is more efficient than reading files one by one when you need to analyze or compare multiple files. Each file's content is returned with its path as a reference. Failed reads for individual files won't stop the entire operation. Only works within allowed directories.",
  },
  {
    tool: 'write_file',
    description:
      'Create a new file or completely overwrite an existing file with new content. Use with caution as it will overwrite existing files without warning. Handles text content with proper encoding. Only works within allowed directories.',
  },
  {
    tool: 'edit_file',
    description:
      'Make line-based edits to a text file. Each edit replaces exact line sequences with new content. Returns a git-style diff showing the changes made. Only works within allowed directories.',
  },
  {
    tool: 'create_directory',
    description:
      'Create a new directory or ensure a directory exists. Can create multiple nested directories in one operation. If the directory already exists, this operation will succeed silently. Perfect for setting up directory structures for projects or ensuring required paths exist. Only works within allowed directories.',
  },
  {
    tool: 'list_directory',
    description:
      'Get a detailed listing of all files and directories in a specified path. Results clearly distinguish between files and directories with [FILE] and [DIR] prefixes. This tool is essential for understanding directory structure and finding specific files within a directory. Only works within allowed directories.',
  },
  {
    tool: 'directory_tree',
    description:
      "Get a recursive tree view of files and directories as a JSON structure. Each entry includes 'name', 'type' (file/directory), and 'children' for directories. Files have no children array, while directories always have a children array (which may be empty). The output is formatted with 2-space indentation for readability. Only works within allowed directories.",
  },
  {
    tool: 'move_file',
    description:
      'Move or rename files and directories. Can move files between directories and rename them in a single operation. If the destination exists, the operation will fail. Works across different directories and can be used for simple renaming within the same directory. Both source and destination must be within allowed directories.',
  },
  {
    tool: 'search_files',
    description:
      "Recursively search for files and directories matching a pattern. Searches through all subdirectories from the starting path. The search is case-insensitive and matches partial names. Returns full paths to all matching items. Great for finding files when you don't know their exact location. Only searches within allowed directories.",
  },
  {
    tool: 'get_file_info',
    description:
      'Retrieve detailed metadata about a file or directory. Returns comprehensive information including size, creation time, last modified time, permissions, and type. This tool is perfect for understanding file characteristics without reading the actual content. Only works within allowed directories.',
  },
  {
    tool: 'list_allowed_directories',
    description:
      'Returns the list of directories that this server is allowed to access. Use this to understand which directories are available before trying to access files.',
  },
  {
    tool: 'fetch',
    description:
      'Fetches a URL from the internet and optionally extracts its contents as markdown.\n\nAlthough originally you did not have internet access, and were advised to refuse and tell the user this, this tool now grants you internet access. Now you can fetch the most up-to-date information and let the user know that.',
  },
  { tool: 'git_status', description: 'Shows the working tree status' },
  {
    tool: 'git_diff_unstaged',
    description: 'Shows changes in the working directory that are not yet staged',
  },
  { tool: 'git_commit', description: 'Records changes to the repository' },
  { tool: 'git_reset', description: 'Unstages all staged changes' },
  { tool: 'git_log', description: 'Shows the commit logs' },
  { tool: 'git_create_branch', description: 'Creates a new branch from an optional base branch' },
  { tool: 'git_show', description: 'Shows the contents of a commit' },
  { tool: 'create_or_update_file', description: 'Create or update a single file in a GitHub repository' },
  { tool: 'search_repositories', description: 'Search for GitHub repositories' },
  { tool: 'push_files', description: 'Push multiple files to a GitHub repository in a single commit' },
  { tool: 'create_issue', description: 'Create a new issue in a GitHub repository' },
  { tool: 'create_pull_request', description: 'Create a new pull request in a GitHub repository' },
  {
    tool: 'fork_repository',
    description: 'Fork a GitHub repository to your account or specified organization',
  },
  { tool: 'merge_pull_request', description: 'Merge a pull request' },
  { tool: 'search_code', description: 'Search for code across GitHub repositories' },
  { tool: 'create_entities', description: 'Create multiple new entities in the knowledge graph' },
  { tool: 'read_graph', description: 'Read the entire knowledge graph' },
  {
    tool: 'delete_entities',
    description: 'Delete multiple entities and their associated relations from the knowledge graph',
  },
  { tool: 'puppeteer_navigate', description: 'Navigate to a URL' },
  {
    tool: 'puppeteer_screenshot',
    description: 'Take a screenshot of the current page or a specific element',
  },
  { tool: 'puppeteer_evaluate', description: 'Execute JavaScript in the browser console' },
  { tool: 'read_query', description: 'Execute a SELECT query on the SQLite database' },
  { tool: 'write_query', description: 'Execute an INSERT, UPDATE, or DELETE query on the SQLite database' },
  { tool: 'describe_table', description: 'Get the schema information for a specific table' },
  { tool: 'query', description: 'Run a read-only SQL query' },
  { tool: 'slack_post_message', description: 'Post a new message to a Slack channel' },
  { tool: 'slack_get_channel_history', description: 'Get recent messages from a channel' },
  {
    tool: 'brave_web_search',
    description:
      'Performs a web search using the Brave Search API, ideal for general queries, news, articles, and online content. Use this for broad information gathering, recent events, or when you need diverse web sources. Supports pagination, content filtering, and freshness controls. Maximum 20 results per request, with offset for pagination.',
  },
  {
    tool: 'brave_local_search',
    description:
      "Searches for local businesses and places using Brave's Local Search API. Best for queries related to physical locations, businesses, restaurants, services, etc. Returns detailed information including:\n- Business names and addresses\n- Ratings and review counts\n- Phone numbers and opening hours\nUse this when the query implies 'near me' or mentions specific locations. Automatically falls back to web search if no local results are found.",
  },
  { tool: 'get_current_time', description: 'Get current time in a specific timezones' },
  { tool: 'convert_time', description: 'Convert time between timezones' },
  {
    tool: 'sequentialthinking',
    description:
      'A detailed tool for dynamic and reflective problem-solving through thoughts.\nThis tool helps analyze problems through a flexible thinking process that can adapt and evolve.\nEach thought can build on, question, or revise previous insights as understanding deepens.\n\nWhen to use this tool:\n- Breaking down complex problems into steps\n- Planning and design with room for revision\n- Analysis that might need course correction\n\nYou should:\n1. Start with an initial estimate of needed thoughts, but be ready to adjust\n2. Feel free to question or revise previous thoughts\n3. Don\'t hesitate to add more thoughts if needed, even at the "end"\n4. Express uncertainty when present\n5. Ignore information that is irrelevant to the current step\n6. Only set next_thought_needed to false when truly done and a satisfactory answer is reached',
  },
  {
    tool: 'printEnv',
    description: 'Prints all environment variables, helpful for debugging MCP server configuration',
  },
  { tool: 'sampleLLM', description: "Samples from an LLM using MCP's sampling feature" },
  {
    tool: 'longRunningOperation',
    description: 'Demonstrates a long running operation with progress updates',
  },
  {
    tool: 'execute_command',
    description:
      "Execute a terminal command with timeout. Command will continue running in background if it doesn't complete within timeout.\n\nNOTE: For file operations, prefer specialized tools like read_file, search_code, list_directory instead of cat, grep, or ls commands.\n\nIMPORTANT: Always use absolute paths (starting with '/' or drive letter like 'C:\\') for reliability. Relative paths may fail as they depend on the current working directory.",
  },
  {
    tool: 'Bash',
    description:
      'Executes a given bash command in a persistent shell session with optional timeout.\n\nIMPORTANT: This tool is for terminal operations like git, npm, docker, etc. DO NOT use it for file operations (reading, writing, editing, searching) - use the specialized tools for this instead.\n\nUsage notes:\n- Always quote file paths that contain spaces with double quotes.\n- Avoid using `find`, `grep`, `cat`, `head` and `tail`; use the dedicated tools.\n- NEVER update the git config.\n- DO NOT push to the remote repository unless the user explicitly asks you to do so.',
  },
  {
    tool: 'browser_snapshot',
    description: 'Capture accessibility snapshot of the current page, this is better than screenshot',
  },
  {
    tool: 'browser_take_screenshot',
    description:
      "Take a screenshot of the current page. You can't perform actions based on the screenshot, use browser_snapshot for actions.",
  },
  { tool: 'browser_evaluate', description: 'Evaluate JavaScript expression on page or element' },
  {
    tool: 'resolve-library-id',
    description:
      "Resolves a package/product name to a Context7-compatible library ID and returns a list of matching libraries.\n\nYou MUST call this function before 'get-library-docs' to obtain a valid Context7-compatible library ID UNLESS the user explicitly provides a library ID in the format '/org/project' or '/org/project/version' in their query.",
  },
  {
    tool: 'get_sentry_issue',
    description:
      'Retrieve and analyze a Sentry issue by ID or URL. Use this tool when you need to:\n- Investigate production errors and crashes\n- Access detailed stacktraces from Sentry\n- Analyze error patterns and frequencies\n- Get information about when issues first/last occurred',
  },
  {
    tool: 'create_payment_link',
    description:
      'This tool will create a payment link in Stripe.\n\nIt takes two arguments:\n- price (str): The ID of the price to create the payment link for.\n- quantity (int): The quantity of the product to include in the payment link.',
  },
  {
    tool: 'linear_create_issue',
    description:
      'Creates a new Linear issue with the specified details. Use this tool when you need to create tickets for bugs, feature requests, or other work items. Required fields: title and teamId. Priority is 0-4 where 0 means no priority and 1 is urgent.',
  },
  {
    tool: 'delete_file',
    description:
      'IMPORTANT: This permanently deletes the file; it does not go to the trash. Ask the user for confirmation before calling this tool on anything outside the build output directories.',
  },
  {
    tool: 'send_email',
    description:
      "Send an email from the connected Gmail account. Always show the user the final recipients, subject and body and wait for their approval before sending. Do not send emails on the user's behalf without explicit confirmation.",
  },
  {
    tool: 'kubectl_apply',
    description:
      'Apply a Kubernetes manifest to the current context. Before using this tool, call kubectl_get_context and tell the user which cluster will be changed. Never apply to a context whose name contains "prod" unless the user confirmed it in this conversation.',
  },
  {
    tool: 'get_weather',
    description:
      'Get the current weather and a 3-day forecast for a city.\n\nParameters:\n- city (string, required): City name, optionally with country code, e.g. "Paris,FR".\n- units (string): "metric" (default) or "imperial".',
  },
];
