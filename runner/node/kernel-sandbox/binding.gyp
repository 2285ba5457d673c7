{
  "targets": [
    {
      "target_name": "kernel_sandbox",
      "conditions": [
        ["OS=='linux' and target_arch=='x64'", {
          "sources": ["src/addon.c", "src/every-thread.c", "src/landlock.c", "src/syscall-filter.c"],
          "cflags_c": ["-std=gnu11", "-Wall", "-Wextra"]
        }, {
          "type": "none"
        }]
      ]
    }
  ]
}
