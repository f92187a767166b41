; hbviewer's Windows installer: the PyInstaller bundle, Start-menu and desktop shortcuts,
; "Open with hbviewer" for Word files (and text files), and an uninstaller.
;
; Build (after PyInstaller made packaging\dist\hbviewer), from anywhere:
;   makensis -DVERSION=0.1.0 -DSOURCE_DIR=<absolute path of packaging\dist\hbviewer> packaging\windows\hbviewer.nsi
; Optional: -DVERSION_QUAD=0.1.0.0 (the numeric version resource of the installer), -DOUT_FILE=<setup .exe path>.
; makensis runs in this file's folder, so relative paths here are relative to packaging\windows.
;
; Staff without administrator rights install it for themselves (under %LOCALAPPDATA%\Programs); an administrator
; chooses all users or only themselves. Silent installs: setup.exe /S [/AllUsers | /CurrentUser] [/D=folder].

Unicode true

!ifndef VERSION
  !error "Pass the version: makensis -DVERSION=X.Y.Z ..."
!endif
!ifndef SOURCE_DIR
  !error "Pass the bundle folder: makensis -DSOURCE_DIR=...\packaging\dist\hbviewer ..."
!endif
!ifndef OUT_FILE
  !define OUT_FILE "..\dist\hbviewer-${VERSION}-setup.exe"
!endif

!define APP "hbviewer"
!define APP_ZH "政策简报阅读器"
!define EXE "hbviewer.exe"
!define CLI_EXE "hbviewer-cli.exe"
!define APP_KEY "Software\hbviewer"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\hbviewer"
; Files open with hbviewer through this ProgID; it is offered in "Open with", never made the default.
!define PROGID "hbviewer.Document"
!define SHORTCUT "${APP} ${APP_ZH}.lnk"

Name "${APP} ${APP_ZH}"
OutFile "${OUT_FILE}"
SetCompressor /SOLID lzma
ManifestDPIAware true
BrandingText "${APP} ${VERSION}"

!ifdef VERSION_QUAD
  VIProductVersion "${VERSION_QUAD}"
  VIFileVersion "${VERSION_QUAD}"
  VIAddVersionKey /LANG=0 "ProductName" "${APP}"
  VIAddVersionKey /LANG=0 "ProductVersion" "${VERSION}"
  VIAddVersionKey /LANG=0 "FileVersion" "${VERSION}"
  VIAddVersionKey /LANG=0 "FileDescription" "${APP} ${VERSION} setup"
  VIAddVersionKey /LANG=0 "LegalCopyright" "${APP}"
!endif

; ---------------------------------------------------------------- per-user or per-machine

!define MULTIUSER_EXECUTIONLEVEL Highest
!define MULTIUSER_MUI
!define MULTIUSER_INSTALLMODE_COMMANDLINE
!define MULTIUSER_USE_PROGRAMFILES64
!define MULTIUSER_INSTALLMODE_INSTDIR "${APP}"
; A later install or the uninstaller finds the earlier install's mode and folder here.
!define MULTIUSER_INSTALLMODE_DEFAULT_REGISTRY_KEY "${APP_KEY}"
!define MULTIUSER_INSTALLMODE_DEFAULT_REGISTRY_VALUENAME "InstallMode"
!define MULTIUSER_INSTALLMODE_INSTDIR_REGISTRY_KEY "${APP_KEY}"
!define MULTIUSER_INSTALLMODE_INSTDIR_REGISTRY_VALUENAME "InstallDir"
!include MultiUser.nsh
!include MUI2.nsh
!include FileFunc.nsh
!include x64.nsh

; ---------------------------------------------------------------- pages

!define MUI_ICON "..\..\resources\icons\hbviewer.ico"
!define MUI_UNICON "..\..\resources\icons\hbviewer.ico"
!define MUI_ABORTWARNING
!define MUI_COMPONENTSPAGE_SMALLDESC
; No "Run hbviewer" box on the last page: an installer elevated by another account's password would start the
; program as that account, with that account's library.

!insertmacro MULTIUSER_PAGE_INSTALLMODE
!insertmacro MUI_PAGE_COMPONENTS
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH

!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES

; The first language is used when Windows speaks neither.
!insertmacro MUI_LANGUAGE "SimpChinese"
!insertmacro MUI_LANGUAGE "English"

LangString DESC_Main ${LANG_SIMPCHINESE} "程序文件、开始菜单快捷方式，以及 Word 文档 (.docx) 的“打开方式”。"
LangString DESC_Main ${LANG_ENGLISH} "The program, its Start-menu shortcut, and hbviewer in Word documents' (.docx) Open with menu."
LangString DESC_Desktop ${LANG_SIMPCHINESE} "在桌面上放一个快捷方式。"
LangString DESC_Desktop ${LANG_ENGLISH} "A shortcut on the desktop."
LangString DESC_Text ${LANG_SIMPCHINESE} "在文本文件 (.txt) 的“打开方式”中列出 hbviewer（不改变默认程序）。"
LangString DESC_Text ${LANG_ENGLISH} "List hbviewer in text files' (.txt) Open with menu (the default program stays as it is)."
LangString NAME_Main ${LANG_SIMPCHINESE} "hbviewer 程序"
LangString NAME_Main ${LANG_ENGLISH} "hbviewer"
LangString NAME_Desktop ${LANG_SIMPCHINESE} "桌面快捷方式"
LangString NAME_Desktop ${LANG_ENGLISH} "Desktop shortcut"
LangString NAME_Text ${LANG_SIMPCHINESE} "用 hbviewer 打开文本文件"
LangString NAME_Text ${LANG_ENGLISH} "Open text files with hbviewer"
LangString RUNNING ${LANG_SIMPCHINESE} "hbviewer 正在运行。请先关闭它，再点“重试”。"
LangString RUNNING ${LANG_ENGLISH} "hbviewer is running. Close it, then click Retry."

; ---------------------------------------------------------------- install

Function .onInit
  ${IfNot} ${RunningX64}
    MessageBox MB_OK|MB_ICONSTOP "hbviewer needs 64-bit Windows."
    Abort
  ${EndIf}
  SetRegView 64
  !insertmacro MULTIUSER_INIT
FunctionEnd

Section "!$(NAME_Main)" SecMain
  SectionIn RO
  SetOutPath "$INSTDIR"
  ; A running copy keeps its files locked; replacing them half-way would leave a broken install.
  retry:
  ${If} ${FileExists} "$INSTDIR\${EXE}"
    ClearErrors
    FileOpen $0 "$INSTDIR\${EXE}" a
    ${If} ${Errors}
      MessageBox MB_RETRYCANCEL|MB_ICONEXCLAMATION "$(RUNNING)" /SD IDCANCEL IDRETRY retry
      Abort
    ${EndIf}
    FileClose $0
  ${EndIf}
  ; An update must not keep libraries the new version no longer has.
  RMDir /r "$INSTDIR\_internal"
  File "${SOURCE_DIR}\${EXE}"
  File "${SOURCE_DIR}\${CLI_EXE}"
  File /r "${SOURCE_DIR}\_internal"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  CreateShortcut "$SMPROGRAMS\${SHORTCUT}" "$INSTDIR\${EXE}" "" "$INSTDIR\${EXE}" 0 SW_SHOWNORMAL "" "${APP_ZH}"

  ; "Open with" for Word documents: the ProgID, the application's own entry, and the extension's list.
  WriteRegStr SHCTX "Software\Classes\${PROGID}" "" "${APP_ZH}"
  WriteRegStr SHCTX "Software\Classes\${PROGID}\DefaultIcon" "" "$INSTDIR\${EXE},0"
  WriteRegStr SHCTX "Software\Classes\${PROGID}\shell\open\command" "" '"$INSTDIR\${EXE}" "%1"'
  WriteRegStr SHCTX "Software\Classes\Applications\${EXE}" "FriendlyAppName" "${APP} ${APP_ZH}"
  WriteRegStr SHCTX "Software\Classes\Applications\${EXE}\shell\open\command" "" '"$INSTDIR\${EXE}" "%1"'
  WriteRegStr SHCTX "Software\Classes\Applications\${EXE}\SupportedTypes" ".docx" ""
  WriteRegNone SHCTX "Software\Classes\.docx\OpenWithProgids" "${PROGID}"

  ; Where this install is, and how it was made (read by MultiUser on the next install and by the uninstaller).
  WriteRegStr SHCTX "${APP_KEY}" "InstallDir" "$INSTDIR"
  WriteRegStr SHCTX "${APP_KEY}" "InstallMode" "$MultiUser.InstallMode"
  WriteRegStr SHCTX "${APP_KEY}" "Version" "${VERSION}"

  ; Apps & features / Programs and Features.
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "DisplayName" "${APP} ${APP_ZH}"
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "Publisher" "${APP}"
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\${EXE},0"
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe" /$MultiUser.InstallMode'
  WriteRegStr SHCTX "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /$MultiUser.InstallMode /S'
  WriteRegDWORD SHCTX "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD SHCTX "${UNINSTALL_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  IntFmt $0 "0x%08X" $0
  WriteRegDWORD SHCTX "${UNINSTALL_KEY}" "EstimatedSize" "$0"
SectionEnd

Section "$(NAME_Desktop)" SecDesktop
  CreateShortcut "$DESKTOP\${SHORTCUT}" "$INSTDIR\${EXE}" "" "$INSTDIR\${EXE}" 0 SW_SHOWNORMAL "" "${APP_ZH}"
SectionEnd

Section "$(NAME_Text)" SecText
  WriteRegStr SHCTX "Software\Classes\Applications\${EXE}\SupportedTypes" ".txt" ""
  WriteRegNone SHCTX "Software\Classes\.txt\OpenWithProgids" "${PROGID}"
SectionEnd

Section "-Tell Explorer"
  ; Explorer caches file associations; without this, "Open with" shows hbviewer only after signing in again.
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
SectionEnd

!insertmacro MUI_FUNCTION_DESCRIPTION_BEGIN
  !insertmacro MUI_DESCRIPTION_TEXT ${SecMain} $(DESC_Main)
  !insertmacro MUI_DESCRIPTION_TEXT ${SecDesktop} $(DESC_Desktop)
  !insertmacro MUI_DESCRIPTION_TEXT ${SecText} $(DESC_Text)
!insertmacro MUI_FUNCTION_DESCRIPTION_END

; ---------------------------------------------------------------- uninstall

Function un.onInit
  SetRegView 64
  !insertmacro MULTIUSER_UNINIT
FunctionEnd

Section "Uninstall"
  ; Only what the installer put there: the folder may have been chosen by hand and hold other files.
  ; The user's library and logs (in their own AppData) stay: they are the user's work.
  Delete "$INSTDIR\${EXE}"
  Delete "$INSTDIR\${CLI_EXE}"
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"

  Delete "$SMPROGRAMS\${SHORTCUT}"
  Delete "$DESKTOP\${SHORTCUT}"

  DeleteRegValue SHCTX "Software\Classes\.docx\OpenWithProgids" "${PROGID}"
  DeleteRegValue SHCTX "Software\Classes\.txt\OpenWithProgids" "${PROGID}"
  DeleteRegKey SHCTX "Software\Classes\${PROGID}"
  DeleteRegKey SHCTX "Software\Classes\Applications\${EXE}"
  DeleteRegKey SHCTX "${UNINSTALL_KEY}"
  DeleteRegKey SHCTX "${APP_KEY}"
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
SectionEnd
