-- Headless Neovim as a writer uses it: `starbank lsp` attached to every *.ron buffer.
-- Started by tests/nvim_e2e.rs with STARBANK_BIN (the binary) and STARBANK_OUT (where to
-- write what the editor shows). It waits for diagnostics, writes vim.diagnostic.get(),
-- edits the buffer as a user would (18 engineers becomes 80), waits for the diagnostics
-- to change, writes them again, and quits. Works on Neovim 0.7 (Debian 12) and later.

local bin = os.getenv("STARBANK_BIN")
local out = os.getenv("STARBANK_OUT")

local client_id = vim.lsp.start_client({
  name = "starbank",
  cmd = { bin, "lsp" },
  root_dir = vim.fn.getcwd(),
})

vim.api.nvim_create_autocmd({ "BufReadPost", "BufNewFile" }, {
  pattern = "*.ron",
  callback = function(args)
    vim.lsp.buf_attach_client(args.buf, client_id)
  end,
})

local function codes(buf)
  local found = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
    table.insert(found, {
      code = code,
      lnum = d.lnum,
      col = d.col,
      end_lnum = d.end_lnum,
      end_col = d.end_col,
      severity = d.severity,
    })
  end
  table.sort(found, function(a, b)
    if a.lnum ~= b.lnum then return a.lnum < b.lnum end
    if a.col ~= b.col then return a.col < b.col end
    return tostring(a.code) < tostring(b.code)
  end)
  return found
end

local function has(buf, code)
  for _, d in ipairs(codes(buf)) do
    if d.code == code then return true end
  end
  return false
end

vim.api.nvim_create_autocmd("VimEnter", {
  callback = function()
    local buf = vim.api.nvim_get_current_buf()
    local result = { opened = {}, edited = {} }
    vim.wait(20000, function() return has(buf, "SC001") end, 20)
    result.opened = codes(buf)
    -- "18" (bytes 54-56 of line 6) becomes "80": the team reads L7, SC001 goes away.
    vim.api.nvim_buf_set_text(buf, 5, 54, 5, 56, { "80" })
    vim.wait(20000, function() return not has(buf, "SC001") end, 20)
    result.edited = codes(buf)
    local file = io.open(out, "w")
    file:write(vim.fn.json_encode(result))
    file:close()
    vim.cmd("qa!")
  end,
})
